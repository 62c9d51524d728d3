import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { transports } from "./helpers/environment";
import { UUID, toResult, type HttpResult } from "./helpers/http";

const METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];
const API_DIR = path.resolve(import.meta.dirname, "../../app/api");

/** next-auth's routes are its own; the catch-all answers every method with the JSON 404. */
function isCovered(segments: string[]): boolean {
  return segments[0] !== "auth" && !segments.some((segment) => segment.startsWith("[..."));
}

/** Every route file under app/api, as a path a request can reach; a dynamic segment gets "x". */
function discoverRoutes(): string[] {
  return fs
    .readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => path.dirname(file).split(path.sep))
    .filter(isCovered)
    .map((segments) => segments.map((segment) => (segment.startsWith("[") ? "x" : segment)))
    .map((segments) => `/api/${segments.join("/")}`)
    .sort();
}

const ROUTES = discoverRoutes();

function allowed(result: HttpResult): string[] {
  const header = result.headers.get("allow") ?? "";

  return header
    .split(",")
    .map((method) => method.trim())
    .filter(Boolean)
    .sort();
}

it("finds the portal, support and public API routes on disk", () => {
  expect(ROUTES).toEqual(
    expect.arrayContaining([
      "/api/authorize",
      "/api/keys",
      "/api/keys/x/settings",
      "/api/support/merchants",
      "/api/support/audit/export",
      "/api/v1/account",
    ]),
  );
});

describe.each(transports())("a method a route does not serve ($transport transport)", (server) => {
  it.each(ROUTES)(
    "%s answers it with a JSON 405 whose Allow header lists what it serves",
    async (route) => {
      const results = new Map<string, HttpResult>();

      for (const method of METHODS) {
        const response = await fetch(`${server.baseUrl}${route}`, { method, redirect: "manual" });

        results.set(method, await toResult(response));
      }

      const refused = METHODS.filter((method) => results.get(method)?.status === 405);
      const served = METHODS.filter((method) => !refused.includes(method)).sort();

      expect(refused.length, "every route leaves some method unserved").toBeGreaterThan(0);
      expect(served.length, "every route serves some method").toBeGreaterThan(0);

      for (const method of served) {
        expect(results.get(method)?.status, `${method} reaches the route`).not.toBe(404);
      }

      for (const method of refused) {
        const result = results.get(method) as HttpResult;

        expect(allowed(result), `Allow on ${method}`).toEqual(served);
        expect(result.headers.get("x-request-id"), `X-Request-Id on ${method}`).toMatch(UUID);

        if (method !== "HEAD") {
          expect(result.headers.get("content-type")).toMatch(/^application\/json/);
          expect(result.json, `body of ${method}`).toEqual({
            error: "method_not_allowed",
            error_description: expect.any(String) as string,
            request_id: result.headers.get("x-request-id"),
          });
        }
      }
    },
  );
});

describe.each(transports())("a page path ($transport transport)", (server) => {
  const PAGES = ["/", "/sign-in", "/account-security/api-secret-key", "/support/audit"];

  it.each(PAGES)("%s refuses a method that would change something with a 405", async (page) => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await fetch(`${server.baseUrl}${page}`, { method, redirect: "manual" });

      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow"), method).toBe("GET, HEAD, OPTIONS");
      expect(response.headers.get("x-request-id"), method).toMatch(UUID);
      expect(await response.text(), method).not.toContain("<html");
    }
  });

  it.each(PAGES)("%s answers OPTIONS with 204 and reads with GET and HEAD", async (page) => {
    const options = await fetch(`${server.baseUrl}${page}`, { method: "OPTIONS" });

    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS");

    for (const method of ["GET", "HEAD"]) {
      const response = await fetch(`${server.baseUrl}${page}`, { method, redirect: "manual" });

      expect([200, 307], `${method} ${page}`).toContain(response.status);
    }
  });
});
