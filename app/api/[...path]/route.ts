import { randomUUID } from "node:crypto";

import { AppError, errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Any path under /api that no route serves: the API's JSON error, not Next's HTML page. */
function notFound(): Response {
  return errorResponse(new AppError("not_found", "No such API endpoint."), randomUUID());
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
