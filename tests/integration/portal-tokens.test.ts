import { beforeAll, describe, expect, it } from "vitest";

import { readGrantTimes, setGrantTime } from "./helpers/database";
import { environment } from "./helpers/environment";
import {
  createKey,
  generateTokens,
  provisionKey,
  saveSettings,
  tokensOf,
} from "./helpers/fixtures";
import { findKey, keyOf } from "./helpers/key-view";
import { signIn, type PortalClient } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const CLOCK_SLACK_MS = 5_000;

describe("portal token generation", () => {
  let portal: PortalClient;
  let api: PublicApi;

  beforeAll(async () => {
    const { servers, users } = environment();

    portal = await signIn(servers.node, users.merchantA);
    api = publicApi(servers.node);
  });

  it("refuses to generate tokens before the key's settings are saved, with 409", async () => {
    const { keyId } = await createKey(portal);
    const result = await portal.send("POST", `/api/keys/${keyId}/tokens`);

    expect(result.status).toBe(409);
    expect(result.json).toMatchObject({ error: "conflict" });
    expect(findKey(await portal.get("/api/keys"), keyId).tokens.state).toBe("none");
  });

  it("issues a 32-hex client id, a strong secret and tokens that expire in 1 hour and 30 days", async () => {
    const { keyId } = await createKey(portal);

    await saveSettings(portal, keyId);

    const startedAt = Date.now();
    const result = await portal.send("POST", `/api/keys/${keyId}/tokens`);
    const finishedAt = Date.now();
    const tokens = tokensOf(result);
    const accessExpiry = Date.parse(tokens.accessTokenExpiresAt);
    const refreshExpiry = Date.parse(tokens.refreshTokenExpiresAt);
    const stored = await readGrantTimes(tokens.accessToken);

    expect(result.status).toBe(201);
    expect(tokens.clientId).toMatch(/^[0-9a-f]{32}$/);
    expect(tokens.clientSecret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(tokens.accessToken).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(new Set(Object.values(tokens)).size).toBe(6);
    expect(accessExpiry).toBeGreaterThanOrEqual(startedAt + HOUR_MS - CLOCK_SLACK_MS);
    expect(accessExpiry).toBeLessThanOrEqual(finishedAt + HOUR_MS + CLOCK_SLACK_MS);
    expect(stored.accessExpiresAt.getTime() - stored.createdAt.getTime()).toBe(HOUR_MS);
    expect(stored.accessExpiresAt.getTime()).toBe(accessExpiry);
    expect(refreshExpiry - accessExpiry).toBe(30 * DAY_MS - HOUR_MS);

    const view = keyOf(result);

    expect(view.tokens).toEqual({
      state: "active",
      revoked_reason: null,
      client_id: tokens.clientId,
      access_token_expires_at: tokens.accessTokenExpiresAt,
      refresh_token_expires_at: tokens.refreshTokenExpiresAt,
    });
  });

  it("shows the tokens as expired once the access token's hour has passed", async () => {
    const { keyId, tokens } = await provisionKey(portal);

    await setGrantTime(
      { accessToken: tokens.accessToken },
      "accessExpiresAt",
      new Date(Date.now() - 1000),
    );

    expect(findKey(await portal.get("/api/keys"), keyId).tokens).toMatchObject({
      state: "expired",
      client_id: tokens.clientId,
    });
  });

  it("makes the previous secret and tokens fail at once when tokens are regenerated", async () => {
    const first = await provisionKey(portal);
    const second = await generateTokens(portal, first.keyId);
    const secondCredentials = {
      apiKey: first.apiKey,
      clientId: second.clientId,
      clientSecret: second.clientSecret,
    };

    expect(second.clientId).not.toBe(first.tokens.clientId);

    const oldAuthorize = await api.authorize(first.credentials, first.tokens.accessToken);
    const oldRefresh = await api.refresh(first.credentials, first.tokens.refreshToken);
    const oldSecretNewClient = await api.authorize(
      { ...secondCredentials, clientSecret: first.tokens.clientSecret },
      second.accessToken,
    );
    const oldTokenNewClient = await api.authorize(secondCredentials, first.tokens.accessToken);

    expect(oldAuthorize.status).toBe(401);
    expect(oldAuthorize.json.error).toBe("invalid_client");
    expect(oldRefresh.status).toBe(401);
    expect(oldRefresh.json.error).toBe("invalid_client");
    expect(oldSecretNewClient.status).toBe(401);
    expect(oldTokenNewClient.status).toBe(401);
    expect(oldTokenNewClient.json.error).toBe("invalid_token");
    expect((await api.authorize(secondCredentials, second.accessToken)).status).toBe(200);
  });
});

describe("portal Enhance Security and revocation", () => {
  let portal: PortalClient;
  let api: PublicApi;

  beforeAll(async () => {
    const { servers, users } = environment();

    portal = await signIn(servers.node, users.merchantA);
    api = publicApi(servers.node);
  });

  it("refuses to turn on Enhance Security for a key without tokens, with 409", async () => {
    const { keyId } = await createKey(portal);

    await saveSettings(portal, keyId);

    const result = await portal.send("PUT", `/api/keys/${keyId}/enhanced-security`, {
      enabled: true,
    });

    expect(result.status).toBe(409);
    expect(result.json).toMatchObject({ error: "conflict" });
    expect(findKey(await portal.get("/api/keys"), keyId).enhanced_security).toBe(false);
  });

  it("turns Enhance Security on and off for a key with tokens, with 200", async () => {
    const { keyId } = await provisionKey(portal);
    const path = `/api/keys/${keyId}/enhanced-security`;
    const on = await portal.send("PUT", path, { enabled: true });

    expect(on.status).toBe(200);
    expect(keyOf(on).enhanced_security).toBe(true);
    expect(findKey(await portal.get("/api/keys"), keyId).enhanced_security).toBe(true);

    const off = await portal.send("PUT", path, { enabled: false });

    expect(off.status).toBe(200);
    expect(keyOf(off).enhanced_security).toBe(false);
  });

  it("kills the key's tokens when the key is revoked, and refuses further changes", async () => {
    const { keyId, apiKey, tokens, credentials } = await provisionKey(portal);

    expect((await api.authorize(credentials, tokens.accessToken)).status).toBe(200);

    const revoked = await portal.send("POST", `/api/keys/${keyId}/revoke`);
    const view = keyOf(revoked);

    expect(revoked.status).toBe(200);
    expect(view.revoked_at).not.toBeNull();
    expect(view.tokens).toMatchObject({ state: "revoked", client_id: null });

    const authorize = await api.authorize(credentials, tokens.accessToken);
    const refresh = await api.refresh(credentials, tokens.refreshToken);
    const account = await api.account(apiKey);

    expect(authorize.status).toBe(401);
    expect(authorize.json.error).toBe("invalid_client");
    expect(refresh.status).toBe(401);
    expect(refresh.json.error).toBe("invalid_client");
    expect(account.status).toBe(401);
    expect(account.json.error).toBe("invalid_client");

    const tokensAfter = await portal.send("POST", `/api/keys/${keyId}/tokens`);
    const settingsAfter = await portal.send("PUT", `/api/keys/${keyId}/settings`, {
      ip_allowlist: [],
      webhook_format: "multiple",
    });
    const revokedAgain = await portal.send("POST", `/api/keys/${keyId}/revoke`);

    expect(tokensAfter.status).toBe(409);
    expect(settingsAfter.status).toBe(409);
    expect(revokedAgain.status).toBe(200);
    expect(keyOf(revokedAgain).revoked_at).toBe(view.revoked_at);
  });
});
