import type { ServerResponse } from "node:http";

import { timeOrderedId } from "../ids";
import { SECURITY_HEADERS } from "./security-headers";

const PAGE_ALLOW = "GET, HEAD, OPTIONS";

/**
 * Keyward's pages have no server actions, so a page path only reads; Next would render the page
 * for PUT or DELETE too. Answers OPTIONS (204 with Allow) and any method a page does not take
 * (a plain 405) on a page path, and returns whether it did. API routes answer methods
 * themselves, and Next's own paths (/_next/…) are left to Next.
 */
export function answerPageMethod(path: string, method: string, response: ServerResponse): boolean {
  const isPage = !(path === "/api" || path.startsWith("/api/") || path.startsWith("/_"));

  if (!isPage || method === "GET" || method === "HEAD") {
    return false;
  }

  const headers = {
    ...SECURITY_HEADERS,
    allow: PAGE_ALLOW,
    "cache-control": "no-store",
    "x-request-id": timeOrderedId(),
  };

  if (method === "OPTIONS") {
    response.writeHead(204, headers);
    response.end();

    return true;
  }

  const payload = `Method Not Allowed: pages take ${PAGE_ALLOW}.\n`;

  response.writeHead(405, {
    ...headers,
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
  });
  response.end(payload);

  return true;
}
