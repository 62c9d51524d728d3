import type { IncomingMessage, ServerResponse } from "node:http";

import { timeOrderedId } from "../ids";
import { handlePublicApi } from "../public-api";
import { MAX_BODY_BYTES } from "./json-body";
import { SECURITY_HEADERS } from "./security-headers";

/** Reads at most one byte past the limit, so an oversized body is refused without buffering it. */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;

    request.on("data", (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) {
        return;
      }

      chunks.push(chunk);
      size += chunk.length;
    });
    request.on("end", () =>
      resolve(
        Buffer.concat(chunks)
          .subarray(0, MAX_BODY_BYTES + 1)
          .toString("utf8"),
      ),
    );
    request.on("error", reject);
  });
}

/** Serves the public API straight from Node's HTTP server, through the same handler as Next. */
export async function serveNodePublicApi(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const requestId = timeOrderedId();
  const body = await readBody(request);
  const result = await handlePublicApi({
    method: request.method ?? "GET",
    path,
    header: (name) => {
      const value = request.headers[name];

      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
    body,
    peerAddress: request.socket.remoteAddress ?? null,
    requestId,
  });
  const payload = result.status === 204 ? null : JSON.stringify(result.body);

  response.writeHead(result.status, {
    ...SECURITY_HEADERS,
    ...result.headers,
    ...(payload === null
      ? {}
      : {
          "content-type": "application/json; charset=utf-8",
          "content-length": Buffer.byteLength(payload),
        }),
    "cache-control": "no-store",
    "x-request-id": requestId,
  });
  response.end(payload ?? undefined);
}
