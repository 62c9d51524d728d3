import fs from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { environment } from "./helpers/environment";
import { anonymousClient, signIn, type PortalClient } from "./helpers/portal-client";

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

/** Every page that calls the page guard, as a path a request can reach; "[id]" becomes "x". */
function guardedPages(): string[] {
  return fs
    .readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "page.tsx")
    .filter((file) => fs.readFileSync(path.join(APP_DIR, file), "utf8").includes("requirePageUser"))
    .map((file) => path.dirname(file).split(path.sep))
    .map((segments) => segments.map((segment) => (segment.startsWith("[") ? "x" : segment)))
    .map((segments) => `/${segments.join("/")}`)
    .sort();
}

const PAGES = guardedPages();

/** A page reads its query by name, so a repeated name keeps its order but not its position. */
function valuesByName(params: URLSearchParams): Record<string, string[]> {
  return Object.fromEntries([...new Set(params.keys())].map((name) => [name, params.getAll(name)]));
}

/** The callbackUrl of a redirect to sign-in, decoded. */
function callbackOf(location: string | null): string {
  const url = new URL(location ?? "", "http://keyward.test");

  expect(url.pathname).toBe("/sign-in");

  return url.searchParams.get("callbackUrl") ?? "";
}

describe("returning to a deep link after sign-in", () => {
  let anonymous: PortalClient;
  let support: PortalClient;

  beforeAll(async () => {
    const { servers, users } = environment();

    anonymous = anonymousClient(servers.node);
    support = await signIn(servers.node, users.support);
  });

  it("finds the guarded pages on disk", () => {
    expect(PAGES).toEqual(expect.arrayContaining(["/support", "/support/audit"]));
  });

  it.each(PAGES)(
    "%s sends a signed-out visitor to sign-in with its path and query",
    async (page) => {
      const query = "type=api.authorize&merchant=m%20one&type=api.refresh&note=a%2Fb%5Cc";
      const result = await anonymous.get(`${page}?${query}`);
      const callback = new URL(callbackOf(result.headers.get("location")), "http://keyward.test");

      expect(result.status).toBe(307);
      expect(callback.pathname).toBe(page);
      expect(valuesByName(callback.searchParams)).toEqual({
        type: ["api.authorize", "api.refresh"],
        merchant: ["m one"],
        note: ["a/b\\c"],
      });
    },
  );

  it("keeps the bare path when the page was opened without a query", async () => {
    const result = await anonymous.get("/support/audit");

    expect(callbackOf(result.headers.get("location"))).toBe("/support/audit");
  });

  it("sends the signed-in user back to the filtered audit log", async () => {
    const deepLink = "/support/audit?type=api.authorize&merchant=cm0merchant&actor=a%5Cb";
    const signedOut = await anonymous.get(deepLink);
    const location = signedOut.headers.get("location") ?? "";
    const back = await support.get(location);

    expect(callbackOf(location)).toBe(deepLink);
    expect(back.status).toBe(307);
    expect(back.headers.get("location")).toBe(deepLink);
  });

  it.each([
    ["another host", "//evil.example/support"],
    ["an absolute URL", "https://evil.example/support"],
    ["a backslash", "/\\evil.example"],
    ["a tab after the slash", "/\t/evil.example/support"],
    ["a newline after the slash", "/\n/evil.example/support"],
  ])("still refuses a callbackUrl to %s", async (_name, callbackUrl) => {
    const result = await support.get(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);

    expect(result.status).toBe(307);
    expect(result.headers.get("location")).toBe("/");
  });
});
