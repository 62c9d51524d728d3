import { servePublicApi } from "@/lib/http/next-public-api";

export const dynamic = "force-dynamic";

export const GET = servePublicApi;
export const POST = servePublicApi;
