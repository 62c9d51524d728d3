import { beforeAll, describe, expect, it } from "vitest";

import { setGrantTime } from "./helpers/database";
import { environment, transports } from "./helpers/environment";
import { provisionKey, type ProvisionedKey } from "./helpers/fixtures";
import { stringField, type HttpResult } from "./helpers/http";
import { signIn, type PortalClient } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";

type Pair = { accessToken: string; refreshToken: string };

function pairOf(result: HttpResult): Pair {
  return {
    accessToken: stringField(result.json, "access_token"),
    refreshToken: stringField(result.json, "refresh_token"),
  };
}

describe.each(transports())("POST /api/refresh ($transport transport)", ({ baseUrl }) => {
  let portal: PortalClient;
  let api: PublicApi;

  beforeAll(async () => {
    portal = await signIn(baseUrl, environment().users.merchantA);
    api = publicApi(baseUrl);
  });

  async function refreshed(key: ProvisionedKey, refreshToken: string): Promise<Pair> {
    const result = await api.refresh(key.credentials, refreshToken);

    expect(result.status).toBe(200);

    return pairOf(result);
  }

  it("returns a new Bearer pair with the documented fields", async () => {
    const key = await provisionKey(portal);
    const startedAt = Date.now();
    const result = await api.refresh(key.credentials, key.tokens.refreshToken);

    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{43,}$/) as string,
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43,}$/) as string,
      token_type: "Bearer",
      expires_in: 3600,
      expires_at: expect.any(String) as string,
      refresh_token_expires_at: expect.any(String) as string,
    });
    expect(result.headers.get("cache-control")).toBe("no-store");

    const expiresAt = Date.parse(stringField(result.json, "expires_at"));

    expect(Math.abs(expiresAt - startedAt - 3_600_000)).toBeLessThan(5000);
  });

  it("issues a different refresh token each time and retires the old pair", async () => {
    const key = await provisionKey(portal);
    const second = await refreshed(key, key.tokens.refreshToken);
    const third = await refreshed(key, second.refreshToken);
    const seen = [key.tokens.refreshToken, second.refreshToken, third.refreshToken];

    expect(new Set(seen).size).toBe(3);

    const oldAccess = await api.authorize(key.credentials, key.tokens.accessToken);
    const secondAccess = await api.authorize(key.credentials, second.accessToken);

    expect(oldAccess.status).toBe(401);
    expect(oldAccess.json.error).toBe("invalid_token");
    expect(secondAccess.status).toBe(401);
    expect(secondAccess.json.error).toBe("invalid_token");
    expect((await api.authorize(key.credentials, third.accessToken)).status).toBe(200);
  });

  it("refuses a used refresh token seen again at once with 400, leaving the family working", async () => {
    const key = await provisionKey(portal);
    const next = await refreshed(key, key.tokens.refreshToken);
    const retry = await api.refresh(key.credentials, key.tokens.refreshToken);

    expect(retry.status).toBe(400);
    expect(retry.json.error).toBe("invalid_grant");
    expect((await api.authorize(key.credentials, next.accessToken)).status).toBe(200);
    expect((await api.refresh(key.credentials, next.refreshToken)).status).toBe(200);
  });

  it("revokes the whole family when a refresh token is reused more than 30 s after use", async () => {
    const key = await provisionKey(portal);
    const next = await refreshed(key, key.tokens.refreshToken);

    setGrantTime(
      { refreshToken: key.tokens.refreshToken },
      "rotatedAt",
      new Date(Date.now() - 31_000),
    );

    const reuse = await api.refresh(key.credentials, key.tokens.refreshToken);

    expect(reuse.status).toBe(400);
    expect(reuse.json.error).toBe("invalid_grant");

    const nextAccess = await api.authorize(key.credentials, next.accessToken);
    const nextRefresh = await api.refresh(key.credentials, next.refreshToken);

    expect(nextAccess.status).toBe(401);
    expect(nextAccess.json.error).toBe("invalid_client");
    expect(nextRefresh.status).toBe(401);
    expect(nextRefresh.json.error).toBe("invalid_client");
  });

  it("refuses an expired refresh token with 400 invalid_grant", async () => {
    const key = await provisionKey(portal);

    setGrantTime(
      { refreshToken: key.tokens.refreshToken },
      "refreshExpiresAt",
      new Date(Date.now() - 1000),
    );

    const result = await api.refresh(key.credentials, key.tokens.refreshToken);

    expect(result.status).toBe(400);
    expect(result.json.error).toBe("invalid_grant");
  });

  it("renews an expired access token through the refresh token", async () => {
    const key = await provisionKey(portal);

    setGrantTime(
      { accessToken: key.tokens.accessToken },
      "accessExpiresAt",
      new Date(Date.now() - 1000),
    );

    expect((await api.authorize(key.credentials, key.tokens.accessToken)).json.error).toBe(
      "token_expired",
    );

    const next = await refreshed(key, key.tokens.refreshToken);

    expect((await api.authorize(key.credentials, next.accessToken)).status).toBe(200);
  });

  it("refuses a refresh from an address outside the key's allowlist with 403", async () => {
    const key = await provisionKey(portal, { ipAllowlist: ["203.0.113.0/24"] });
    const result = await api.refresh(key.credentials, key.tokens.refreshToken);

    expect(result.status).toBe(403);
    expect(result.json.error).toBe("ip_not_allowed");
  });

  it("refuses a refresh token of another client with 400 invalid_grant", async () => {
    const key = await provisionKey(portal);
    const other = await provisionKey(portal);
    const result = await api.refresh(key.credentials, other.tokens.refreshToken);

    expect(result.status).toBe(400);
    expect(result.json.error).toBe("invalid_grant");
    expect((await api.refresh(other.credentials, other.tokens.refreshToken)).status).toBe(200);
  });
});
