import type { ServerResponse } from "node:http";

import { AppError, errorBody } from "../errors";
import { timeOrderedId } from "../ids";
import { logger } from "../logger";
import { isApiPath, writeRaw } from "./raw-response";

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
  const message = "The request path has a %-escape that is not valid UTF-8.";
  const body = isApiPath(path)
    ? {
        contentType: "application/json; charset=utf-8",
        text: JSON.stringify(errorBody(new AppError("invalid_request", message), requestId)),
      }
    : { contentType: "text/plain; charset=utf-8", text: `Bad Request: ${message}\n` };

  logger.info({ requestId, status: 400 }, "undecodable request path");
  writeRaw(response, 400, requestId, { body });
}
