import type { ServerResponse } from "node:http";

/** The headers next.config.js puts on every response Next serves. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

export type RawBody = { contentType: string; text: string };

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** An answer of Keyward's own Node server, with the headers Next would have given it. */
export function writeRaw(
  response: ServerResponse,
  status: number,
  requestId: string,
  { headers = {}, body = null }: { headers?: Record<string, string>; body?: RawBody | null } = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    ...(body
      ? { "content-type": body.contentType, "content-length": Buffer.byteLength(body.text) }
      : {}),
    "cache-control": "no-store",
    "x-request-id": requestId,
  });
  response.end(body?.text);
}
