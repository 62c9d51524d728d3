import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { setGrantTime } from "./helpers/database";
import { environment, transports } from "./helpers/environment";
import { createKey, provisionKey, saveSettings, setEnhancedSecurity } from "./helpers/fixtures";
import { stringField } from "./helpers/http";
import { signIn, type PortalClient } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";

describe.each(transports())("GET /api/v1/account ($transport transport)", ({ baseUrl }) => {
  let portal: PortalClient;
  let api: PublicApi;

  beforeAll(async () => {
    portal = await signIn(baseUrl, environment().users.merchantA);
    api = publicApi(baseUrl);
  });

  it("answers the API key alone with the merchant summary", async () => {
    const key = await provisionKey(portal);
    const result = await api.account(key.apiKey);

    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      merchant: { id: expect.any(String) as string, name: environment().merchantAName },
      api_key: {
        id: key.keyId,
        label: expect.any(String) as string,
        key_hint: `${key.apiKey.slice(0, 4)}…${key.apiKey.slice(-4)}`,
        webhook_format: "single",
        enhanced_security: false,
      },
    });
    expect(result.text).not.toContain(key.apiKey);
  });

  it("answers HEAD as GET, with the same status and headers and no body", async () => {
    const key = await provisionKey(portal);
    const head = await api.raw("/api/v1/account", {
      method: "HEAD",
      headers: { "x-api-key": key.apiKey },
    });
    const unknown = await api.raw("/api/v1/account", {
      method: "HEAD",
      headers: { "x-api-key": randomBytes(32).toString("hex") },
    });

    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("content-type")).toMatch(/^application\/json/);
    expect(unknown.status).toBe(401);
  });

  it("refuses a key whose settings were never saved with 403 key_not_active, until they are", async () => {
    const { keyId, apiKey } = await createKey(portal);
    const before = await api.account(apiKey);

    expect(before.status).toBe(403);
    expect(before.json.error).toBe("key_not_active");

    await saveSettings(portal, keyId);

    expect((await api.account(apiKey)).status).toBe(200);
  });

  it("refuses an unknown API key with 401 invalid_client", async () => {
    const result = await api.account(randomBytes(32).toString("hex"));

    expect(result.status).toBe(401);
    expect(result.json.error).toBe("invalid_client");
  });

  it("requires a valid ACCESS-TOKEN once Enhance Security is on", async () => {
    const key = await provisionKey(portal);

    await setEnhancedSecurity(portal, key.keyId, true);

    const keyAlone = await api.account(key.apiKey);
    const withToken = await api.account(key.apiKey, key.tokens.accessToken);

    expect(keyAlone.status).toBe(401);
    expect(keyAlone.json.error).toBe("enhanced_security_required");
    expect(withToken.status).toBe(200);
    expect(withToken.json.api_key).toMatchObject({ id: key.keyId, enhanced_security: true });
  });

  it("refuses, under Enhance Security, a token that is foreign, replaced or expired", async () => {
    const key = await provisionKey(portal);
    const other = await provisionKey(portal);

    await setEnhancedSecurity(portal, key.keyId, true);

    const foreign = await api.account(key.apiKey, other.tokens.accessToken);
    const renewal = await api.refresh(key.credentials, key.tokens.refreshToken);
    const replaced = await api.account(key.apiKey, key.tokens.accessToken);
    const current = stringField(renewal.json, "access_token");

    expect(renewal.status).toBe(200);
    expect((await api.account(key.apiKey, current)).status).toBe(200);

    await setGrantTime({ accessToken: current }, "accessExpiresAt", new Date(Date.now() - 1000));

    const expired = await api.account(key.apiKey, current);

    for (const result of [foreign, replaced, expired]) {
      expect(result.status).toBe(401);
      expect(result.json.error).toBe("enhanced_security_required");
    }
  });

  it("applies the key's IP restriction to the account call", async () => {
    const key = await provisionKey(portal, { ipAllowlist: ["203.0.113.7"] });
    const result = await api.account(key.apiKey);

    expect(result.status).toBe(403);
    expect(result.json.error).toBe("ip_not_allowed");
  });

  it("answers a missing X-API-KEY with 400 invalid_request", async () => {
    const result = await api.raw("/api/v1/account", { method: "GET" });

    expect(result.status).toBe(400);
    expect(result.json.error).toBe("invalid_request");
  });
});
