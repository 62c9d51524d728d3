import { randomUUID } from "node:crypto";

import { AppError, errorResponse } from "@/lib/errors";
import { everyMethod } from "@/lib/http/route-methods";

export const dynamic = "force-dynamic";

/** Any path under /api that no route serves: the API's JSON error, not Next's HTML page. */
function notFound(): Response {
  return errorResponse(new AppError("not_found", "No such API endpoint."), randomUUID());
}

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = everyMethod(notFound);
