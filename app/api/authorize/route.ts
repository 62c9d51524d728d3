import { servePublicApi } from "@/lib/http/next-public-api";
import { everyMethod } from "@/lib/http/route-methods";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = everyMethod(servePublicApi);
