import { beforeAll, describe, expect, it } from "vitest";

import { environment, transports } from "./helpers/environment";
import { provisionKey, type ProvisionedKey } from "./helpers/fixtures";
import { UUID, type HttpResult } from "./helpers/http";
import { signIn } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";

function expectErrorEnvelope(result: HttpResult, status: number, error: string): void {
  expect(result.status).toBe(status);
  expect(result.json).toEqual({
    error,
    error_description: expect.any(String) as string,
    request_id: expect.stringMatching(UUID) as string,
  });
  expect(result.headers.get("x-request-id")).toBe(result.json.request_id);
}

describe.each(transports())("public API request checks ($transport transport)", ({ baseUrl }) => {
  let api: PublicApi;
  let key: ProvisionedKey;
  let headers: Record<string, string>;
  let body: string;

  beforeAll(async () => {
    api = publicApi(baseUrl);
    key = await provisionKey(await signIn(baseUrl, environment().users.merchantA));
    headers = { "x-api-key": key.apiKey, "access-token": key.tokens.accessToken };
    body = JSON.stringify({
      client_id: key.tokens.clientId,
      client_secret: key.tokens.clientSecret,
    });
  });

  type Case = {
    name: string;
    request: () => { headers: Record<string, string>; body: string };
    mentions: string;
  };

  const cases: Case[] = [
    {
      name: "a missing X-API-KEY header",
      request: () => ({ headers: { "access-token": headers["access-token"] ?? "" }, body }),
      mentions: "X-API-KEY",
    },
    {
      name: "a missing ACCESS-TOKEN header",
      request: () => ({ headers: { "x-api-key": headers["x-api-key"] ?? "" }, body }),
      mentions: "ACCESS-TOKEN",
    },
    {
      name: "a blank X-API-KEY header",
      request: () => ({ headers: { ...headers, "x-api-key": "  " }, body }),
      mentions: "X-API-KEY",
    },
    {
      name: "a body that is not JSON",
      request: () => ({ headers, body: `client_id=${key.tokens.clientId}` }),
      mentions: "not valid JSON",
    },
    { name: "an empty body", request: () => ({ headers, body: "" }), mentions: "JSON object" },
    {
      name: "a JSON array body",
      request: () => ({ headers, body: "[]" }),
      mentions: "JSON object",
    },
    {
      name: "a JSON null body",
      request: () => ({ headers, body: "null" }),
      mentions: "JSON object",
    },
    {
      name: "client_id as a number",
      request: () => ({ headers, body: JSON.stringify({ client_id: 42, client_secret: "x" }) }),
      mentions: "client_id must be a string",
    },
    {
      name: "a missing client_secret",
      request: () => ({ headers, body: JSON.stringify({ client_id: key.tokens.clientId }) }),
      mentions: "client_secret is required",
    },
    {
      name: "a blank client_id",
      request: () => ({ headers, body: JSON.stringify({ client_id: " ", client_secret: "x" }) }),
      mentions: "client_id is required",
    },
  ];

  it.each(cases.map((entry) => [entry.name, entry] as const))(
    "answers /api/authorize with %s with 400 invalid_request naming the problem",
    async (_name, entry) => {
      const result = await api.raw("/api/authorize", entry.request());

      expectErrorEnvelope(result, 400, "invalid_request");
      expect(result.json.error_description).toContain(entry.mentions);
    },
  );

  it("answers /api/refresh without refresh_token with 400 naming it", async () => {
    const result = await api.raw("/api/refresh", { headers, body });

    expectErrorEnvelope(result, 400, "invalid_request");
    expect(result.json.error_description).toContain("refresh_token is required");
  });

  it.each([["/api/authorize"], ["/api/refresh"]])(
    "refuses a body over 16 KiB on %s with 413",
    async (path) => {
      const padded = JSON.stringify({
        client_id: key.tokens.clientId,
        client_secret: key.tokens.clientSecret,
        padding: "x".repeat(16 * 1024),
      });
      const result = await api.raw(path, { headers, body: padded });

      expectErrorEnvelope(result, 413, "payload_too_large");
    },
  );

  it("accepts a body that starts with a UTF-8 byte-order mark", async () => {
    const result = await api.raw("/api/authorize", { headers, body: `\uFEFF${body}` });

    expect(result.status).toBe(200);
  });

  it("sends the portal's security headers on answers and refusals alike", async () => {
    const answered = await api.raw("/api/authorize", { headers, body });
    const refused = await api.raw("/api/authorize", { headers: {}, body });

    for (const result of [answered, refused]) {
      expect(result.headers.get("x-content-type-options")).toBe("nosniff");
      expect(result.headers.get("x-frame-options")).toBe("DENY");
      expect(result.headers.get("referrer-policy")).toBe("same-origin");
    }

    expect([answered.status, refused.status]).toEqual([200, 400]);
  });

  it.each([["/api/v1/%ff"], ["/api/keys/%ff/settings"], ["/api/support/requests/%E0%A4%A"]])(
    "answers %s, whose escapes are not UTF-8, with a JSON 400",
    async (path) => {
      const result = await api.raw(path, { method: "GET", headers: {} });

      expectErrorEnvelope(result, 400, "invalid_request");
      expect(result.json.error_description).toContain("not valid UTF-8");
    },
  );

  it("answers a page path whose escapes are not UTF-8 with a plain 400", async () => {
    const result = await api.raw("/account-security/api-secret-key/%ff/activity", {
      method: "GET",
      headers: {},
    });

    expect(result.status).toBe(400);
    expect(result.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(result.headers.get("x-request-id")).toMatch(UUID);
  });

  it("accepts a body of exactly 16 KiB", async () => {
    const prefix = JSON.stringify({
      client_id: key.tokens.clientId,
      client_secret: key.tokens.clientSecret,
      padding: "",
    });
    const padded = `${prefix.slice(0, -2)}${"x".repeat(16 * 1024 - prefix.length)}"}`;
    const result = await api.raw("/api/authorize", { headers, body: padded });

    expect(Buffer.byteLength(padded)).toBe(16 * 1024);
    expect(result.status).toBe(200);
  });

  it.each([
    ["GET", "/api/authorize", "POST, OPTIONS"],
    ["GET", "/api/refresh", "POST, OPTIONS"],
    ["POST", "/api/v1/account", "GET, HEAD, OPTIONS"],
  ])("answers %s %s with 405 and Allow: %s", async (method, path, allowed) => {
    const result = await api.raw(path, { method, headers });

    expectErrorEnvelope(result, 405, "method_not_allowed");
    expect(result.headers.get("allow")).toBe(allowed);
  });

  it.each([
    ["/api/authorize", "POST, OPTIONS"],
    ["/api/v1/account", "GET, HEAD, OPTIONS"],
  ])("answers OPTIONS %s with 204, no body and Allow: %s", async (path, allowed) => {
    const result = await api.raw(path, { method: "OPTIONS", headers: {} });

    expect(result.status).toBe(204);
    expect(result.text).toBe("");
    expect(result.headers.get("allow")).toBe(allowed);
    expect(result.headers.get("x-request-id")).toMatch(UUID);
  });

  it.each([
    ["GET", "/api/v1/no-such-thing"],
    ["POST", "/api/nothing-here"],
    ["DELETE", "/api/keys/some-key/unknown"],
  ])("answers %s %s, which no route serves, with the JSON 404", async (method, path) => {
    const result = await api.raw(path, { method, headers });

    expectErrorEnvelope(result, 404, "not_found");
  });
});
