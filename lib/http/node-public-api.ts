import type { IncomingMessage, ServerResponse } from "node:http";

import { timeOrderedId } from "../ids";
import { handlePublicApi } from "../public-api";
import { MAX_BODY_BYTES } from "./json-body";
import { writeRaw } from "./raw-response";

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
  const answer =
    result.status === 204
      ? null
      : { contentType: "application/json; charset=utf-8", text: JSON.stringify(result.body) };

  writeRaw(response, result.status, requestId, { headers: result.headers, body: answer });
}
