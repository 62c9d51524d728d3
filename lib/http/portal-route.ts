import { randomUUID } from "node:crypto";

import type { z } from "zod";

import type { AuditContext } from "../audit";
import { requireUser } from "../auth/session";
import type { Role, SessionUser } from "../auth/roles";
import { AppError, errorResponse, toAppError } from "../errors";
import { logger } from "../logger";
import { parseJsonBody, readLimitedText } from "./json-body";
import { parseQuery } from "./query";
import { requestClientAddress } from "./request-client";

type RouteContext<P> = { params: Promise<P> };

export type PortalRequest<P> = {
  request: Request;
  params: P;
  user: SessionUser;
  audit: AuditContext;
  readBody: <T extends z.ZodType>(schema: T) => Promise<z.infer<T>>;
  readQuery: <T extends z.ZodType>(schema: T) => z.infer<T>;
};

/** A JSON body, or a ready Response for what JSON cannot carry (a streamed CSV export). */
export type PortalResult = { status?: number; body: unknown } | Response;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Cookies ride along on cross-site requests; a mutation is accepted only when the browser says
 * it comes from this origin. Clients that send no Origin (curl, servers) carry no ambient cookie
 * from a victim's browser, so they are not a CSRF vector.
 */
function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) {
    return;
  }

  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");

  if (origin && origin !== "null") {
    if (originHost(origin) !== request.headers.get("host")) {
      throw new AppError("forbidden", "Cross-site requests are refused.");
    }

    return;
  }

  if (origin === "null" || (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none")) {
    throw new AppError("forbidden", "Cross-site requests are refused.");
  }
}

/** Wraps a portal route handler: identity and role first, one error envelope, one log line. */
export function portalRoute<P = Record<string, never>>(
  roles: readonly Role[],
  handler: (input: PortalRequest<P>) => Promise<PortalResult>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const requestId = randomUUID();
    const startedAt = performance.now();
    let status = 500;

    try {
      const user = await requireUser(roles);

      assertSameOrigin(request);

      const header = (name: string) => request.headers.get(name);
      const result = await handler({
        request,
        params: await context.params,
        user,
        audit: {
          requestId,
          actorUserId: user.id,
          userAgent: header("user-agent"),
          clientAddress: requestClientAddress(header),
        },
        readBody: async (schema) => parseJsonBody(await readLimitedText(request), schema),
        readQuery: (schema) => parseQuery(request.url, schema),
      });

      if (result instanceof Response) {
        status = result.status;
        result.headers.set("x-request-id", requestId);

        return result;
      }

      status = result.status ?? 200;

      return Response.json(result.body, { status, headers: { "x-request-id": requestId } });
    } catch (cause) {
      const error = toAppError(cause);

      if (error.code === "server_error") {
        logger.error({ err: cause, requestId }, "portal route failure");
      }

      status = error.status;

      return errorResponse(error, requestId);
    } finally {
      const route = new URL(request.url).pathname;
      const ms = Math.round(performance.now() - startedAt);

      logger.info({ requestId, method: request.method, route, status, ms }, "portal");
    }
  };
}
