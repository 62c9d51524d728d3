import { randomUUID } from "node:crypto";

import { AppError, errorResponse } from "@/lib/errors";
import { routeMethods } from "@/lib/http/route-methods";
import { checkReadiness } from "@/lib/readiness";

export const dynamic = "force-dynamic";

/** For load balancers: 200 while this instance can answer calls, 503 naming what it lacks. */
async function ready(): Promise<Response> {
  const readiness = await checkReadiness();

  if (readiness.ok) {
    return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  }

  const error = new AppError("not_ready", `Cannot reach: ${readiness.failing.join(", ")}.`, {
    failing: readiness.failing,
  });

  return errorResponse(error, randomUUID());
}

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: ready });
