import { randomUUID } from "node:crypto";

import { AppError, errorBody } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Any path under /api that no route serves: the API's JSON error, not Next's HTML page. */
function notFound(): Response {
  const requestId = randomUUID();
  const error = new AppError("not_found", "No such API endpoint.");

  return Response.json(errorBody(error, requestId), {
    status: error.status,
    headers: { "cache-control": "no-store", "x-request-id": requestId },
  });
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
