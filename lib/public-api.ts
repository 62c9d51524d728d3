import { accessTokenResponse, authorizedResponse, accountResponse } from "./api-access/responses";
import { readAccount } from "./api-access/account";
import { authorizeCall } from "./api-access/authorize";
import { DENIAL_DESCRIPTIONS, type Denial } from "./api-access/denial";
import { refreshTokens } from "./api-access/refresh";
import { recordRejectedCall } from "./api-access/rejected-call";
import { authorizeBodySchema, refreshBodySchema } from "./api-access/schemas";
import type { AuditContext } from "./audit";
import { resolveClientAddress } from "./client-address";
import { trustedProxies } from "./env";
import { AppError, errorBody, toAppError } from "./errors";
import { parseJsonBody } from "./http/json-body";
import { logger } from "./logger";
import { recordFailure, retryAfterSeconds } from "./rate-limit";

/** A transport-free request: Keyward's Node server and the Next route handlers both build one. */
export type PublicApiRequest = {
  method: string;
  path: string;
  header: (name: string) => string | null;
  body: string;
  peerAddress: string | null;
  requestId: string;
};

export type PublicApiResponse = {
  status: number;
  headers: Record<string, string>;
  /** null only for a 204, which has no body. */
  body: unknown;
};

const allowOf = (endpoint: Endpoint) =>
  endpoint.method === "GET" ? "GET, HEAD, OPTIONS" : "POST, OPTIONS";

/** HEAD is GET without the body (RFC 9110); both transports leave the body out. */
const isAllowed = (endpoint: Endpoint, method: string) =>
  method === endpoint.method || (method === "HEAD" && endpoint.method === "GET");

type Endpoint = {
  method: "GET" | "POST";
  run: (request: PublicApiRequest, context: AuditContext) => Promise<unknown | Denial>;
};

const ENDPOINTS: Record<string, Endpoint> = {
  "/api/authorize": {
    method: "POST",
    async run(request, context) {
      const body = parseJsonBody(request.body, authorizeBodySchema);
      const result = await authorizeCall(
        {
          apiKey: requiredHeader(request, "x-api-key"),
          accessToken: requiredHeader(request, "access-token"),
          clientId: body.client_id,
          clientSecret: body.client_secret,
          clientAddress: context.clientAddress,
        },
        context,
      );

      return result.ok ? authorizedResponse(result) : result;
    },
  },
  "/api/refresh": {
    method: "POST",
    async run(request, context) {
      const body = parseJsonBody(request.body, refreshBodySchema);
      const result = await refreshTokens(
        {
          apiKey: requiredHeader(request, "x-api-key"),
          clientId: body.client_id,
          clientSecret: body.client_secret,
          refreshToken: body.refresh_token,
          clientAddress: context.clientAddress,
        },
        context,
      );

      return result.ok ? accessTokenResponse(result.grant) : result;
    },
  },
  "/api/v1/account": {
    method: "GET",
    async run(request, context) {
      const result = await readAccount(
        {
          apiKey: requiredHeader(request, "x-api-key"),
          accessToken: request.header("access-token")?.trim() || null,
          clientAddress: context.clientAddress,
        },
        context,
      );

      return result.ok ? accountResponse(result) : result;
    },
  },
};

export function isPublicApiPath(path: string): boolean {
  return Object.hasOwn(ENDPOINTS, path);
}

function requiredHeader(request: PublicApiRequest, name: string): string {
  const value = request.header(name)?.trim();

  if (!value) {
    throw new AppError("invalid_request", `The ${name.toUpperCase()} header is required.`);
  }

  return value;
}

function isDenial(value: unknown): value is Denial {
  return typeof value === "object" && value !== null && (value as Denial).ok === false;
}

export async function handlePublicApi(request: PublicApiRequest): Promise<PublicApiResponse> {
  const startedAt = performance.now();
  const endpoint = ENDPOINTS[request.path];
  const context: AuditContext = {
    requestId: request.requestId,
    clientAddress: resolveClientAddress({
      peerAddress: request.peerAddress,
      forwardedFor: request.header("x-forwarded-for"),
      trustedProxies: trustedProxies(),
    }),
    userAgent: request.header("user-agent"),
  };
  let response: PublicApiResponse;
  let reason: string | undefined;

  if (endpoint && request.method === "OPTIONS") {
    return { status: 204, headers: { allow: allowOf(endpoint) }, body: null };
  }

  try {
    if (!endpoint) {
      throw new AppError("not_found", "No such API endpoint.");
    }

    if (!isAllowed(endpoint, request.method)) {
      throw new AppError("method_not_allowed", `Use ${endpoint.method} for ${request.path}.`, {});
    }

    const retryAfter = await retryAfterSeconds(context.clientAddress);

    if (retryAfter !== null) {
      response = fail(new AppError("rate_limited", "Too many failed attempts."), request);
      response.headers["retry-after"] = String(retryAfter);
      reason = "rate_limited";
      await recordRejectedCall(request.path, reason, context);
    } else {
      const outcome = await endpoint.run(request, context);

      if (isDenial(outcome)) {
        reason = outcome.reason;
        await recordFailure(context.clientAddress);
        response = fail(new AppError(outcome.reason, DENIAL_DESCRIPTIONS[outcome.reason]), request);
      } else {
        response = { status: 200, headers: {}, body: outcome };
      }
    }
  } catch (cause) {
    const error = toAppError(cause);

    if (error.code === "server_error") {
      logger.error({ err: cause, requestId: request.requestId }, "public api failure");
    } else if (error.status < 500) {
      await recordFailure(context.clientAddress).catch(() => undefined);
      await recordRejectedCall(request.path, error.code, context);
    }

    reason = error.code;
    response = fail(error, request);

    if (error.code === "method_not_allowed" && endpoint) {
      response.headers.allow = allowOf(endpoint);
    }
  }

  logger.info(
    {
      requestId: request.requestId,
      route: request.path,
      status: response.status,
      reason,
      ms: Math.round((performance.now() - startedAt) * 100) / 100,
    },
    "public api",
  );

  return response;
}

function fail(error: AppError, request: PublicApiRequest): PublicApiResponse {
  return { status: error.status, headers: {}, body: errorBody(error, request.requestId) };
}
