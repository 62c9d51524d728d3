// The benchmark's ceiling: Node's HTTP server and the public API handler, nothing else. It does
// the same verification work as Keyward's server (JSON parsing, hashing, prepared statements,
// audit writes), so the gap to it is what the production server adds on top.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

import { timeOrderedId } from "../../lib/ids";
import { handlePublicApi } from "../../lib/public-api";

const port = Number(process.env.PORT ?? 3600);
const hostname = process.env.HOST ?? "127.0.0.1";

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];

    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const requestId = timeOrderedId();
  const result = await handlePublicApi({
    method: request.method ?? "GET",
    path: (request.url ?? "/").split("?")[0] ?? "/",
    header: (name) => {
      const value = request.headers[name];

      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
    body: await readBody(request),
    peerAddress: request.socket.remoteAddress ?? null,
    requestId,
  });
  const payload = JSON.stringify(result.body);

  response.writeHead(result.status, {
    ...result.headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    "x-request-id": requestId,
  });
  response.end(payload);
}

const server = createServer((request, response) => {
  serve(request, response).catch(() => response.destroy());
});

server.listen(port, hostname, () => console.log(`ceiling listening on http://${hostname}:${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
