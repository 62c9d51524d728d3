import type { ServerResponse } from "node:http";

import { timeOrderedId } from "../ids";
import { isApiPath, writeRaw } from "./raw-response";

const PAGE_ALLOW = "GET, HEAD, OPTIONS";

/**
 * Keyward's pages have no server actions, so a page path only reads; Next would render the page
 * for PUT or DELETE too. Answers OPTIONS (204 with Allow) and any method a page does not take
 * (a plain 405) on a page path, and returns whether it did. API routes answer methods
 * themselves, and Next's own paths (/_next/…) are left to Next.
 */
export function answerPageMethod(path: string, method: string, response: ServerResponse): boolean {
  if (isApiPath(path) || path.startsWith("/_") || method === "GET" || method === "HEAD") {
    return false;
  }

  const headers = { allow: PAGE_ALLOW };
  const body =
    method === "OPTIONS"
      ? null
      : {
          contentType: "text/plain; charset=utf-8",
          text: `Method Not Allowed: pages take ${PAGE_ALLOW}.\n`,
        };

  writeRaw(response, body ? 405 : 204, timeOrderedId(), { headers, body });

  return true;
}
