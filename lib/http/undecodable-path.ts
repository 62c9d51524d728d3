import type { ServerResponse } from "node:http";

import { AppError, errorBody } from "../errors";
import { timeOrderedId } from "../ids";
import { logger } from "../logger";
import { SECURITY_HEADERS } from "./security-headers";

export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);

    return true;
  } catch {
    return false;
  }
}

/**
 * Next's router answers a path whose %-escapes are not UTF-8 (`/api/keys/%ff`) with a bare 500;
 * Keyward's server refuses it first: the API's JSON error under /api, plain text elsewhere.
 */
export function refuseUndecodablePath(path: string, response: ServerResponse): void {
  const requestId = timeOrderedId();
  const isApi = path === "/api" || path.startsWith("/api/");
  const message = "The request path has a %-escape that is not valid UTF-8.";
  const payload = isApi
    ? JSON.stringify(errorBody(new AppError("invalid_request", message), requestId))
    : `Bad Request: ${message}\n`;

  logger.info({ requestId, status: 400 }, "undecodable request path");
  response.writeHead(400, {
    ...SECURITY_HEADERS,
    "content-type": isApi ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    "x-request-id": requestId,
  });
  response.end(payload);
}
