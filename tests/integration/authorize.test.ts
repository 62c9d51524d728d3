import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { curlAuthorize } from "./helpers/curl";
import { execute, query, setGrantTime, sha256 } from "./helpers/database";
import { environment, transports } from "./helpers/environment";
import { provisionKey, type ProvisionedKey } from "./helpers/fixtures";
import { UUID } from "./helpers/http";
import { findKey } from "./helpers/key-view";
import { signIn, type PortalClient } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";

describe.each(transports())("POST /api/authorize ($transport transport)", ({ baseUrl }) => {
  let portal: PortalClient;
  let api: PublicApi;
  let key: ProvisionedKey;

  beforeAll(async () => {
    portal = await signIn(baseUrl, environment().users.merchantA);
    api = publicApi(baseUrl);
    key = await provisionKey(portal);
  });

  it("authorizes the guide's curl command verbatim, form content type and all", async () => {
    const result = await curlAuthorize(baseUrl, {
      apiKey: key.apiKey,
      accessToken: key.tokens.accessToken,
      clientId: key.tokens.clientId,
      clientSecret: key.tokens.clientSecret,
    });
    const body: unknown = JSON.parse(result.body);

    expect(result.trace).toContain("> Content-Type: application/x-www-form-urlencoded");
    expect(result.status).toBe(200);
    expect(body).toEqual({
      authorized: true,
      client_id: key.tokens.clientId,
      access_token_expires_at: key.tokens.accessTokenExpiresAt,
      expires_in: expect.any(Number) as number,
      enhanced_security: false,
    });

    const expiresIn = (body as { expires_in: number }).expires_in;

    expect(expiresIn).toBeGreaterThan(3590);
    expect(expiresIn).toBeLessThanOrEqual(3600);
  });

  it("reports enhanced_security true once Enhance Security is on", async () => {
    const enhanced = await provisionKey(portal);

    await portal.send("PUT", `/api/keys/${enhanced.keyId}/enhanced-security`, { enabled: true });

    const result = await api.authorize(enhanced.credentials, enhanced.tokens.accessToken);

    expect(result.status).toBe(200);
    expect(result.json.enhanced_security).toBe(true);
  });

  it("gives a wrong key, a wrong secret and an unknown client the same 401 invalid_client", async () => {
    const wrongKey = await api.authorize(
      { ...key.credentials, apiKey: randomBytes(32).toString("hex") },
      key.tokens.accessToken,
    );
    const wrongSecret = await api.authorize(
      { ...key.credentials, clientSecret: randomBytes(32).toString("base64url") },
      key.tokens.accessToken,
    );
    const unknownClient = await api.authorize(
      { ...key.credentials, clientId: randomBytes(16).toString("hex") },
      key.tokens.accessToken,
    );
    const otherKey = await provisionKey(portal);
    const anotherMerchantsPair = await api.authorize(
      { ...key.credentials, apiKey: otherKey.apiKey },
      key.tokens.accessToken,
    );
    const results = [wrongKey, wrongSecret, unknownClient, anotherMerchantsPair];

    for (const result of results) {
      expect(result.status).toBe(401);
      expect(result.json.error).toBe("invalid_client");
      expect(result.json.error_description).toBe(wrongKey.json.error_description);
      expect(Object.keys(result.json).sort()).toEqual(["error", "error_description", "request_id"]);
    }
  });

  it("refuses an access token that was not issued to this client with 401 invalid_token", async () => {
    const other = await provisionKey(portal);
    const random = await api.authorize(key.credentials, randomBytes(32).toString("base64url"));
    const foreign = await api.authorize(key.credentials, other.tokens.accessToken);
    const refreshAsAccess = await api.authorize(key.credentials, key.tokens.refreshToken);

    for (const result of [random, foreign, refreshAsAccess]) {
      expect(result.status).toBe(401);
      expect(result.json.error).toBe("invalid_token");
    }
  });

  it("refuses an expired access token with 401 token_expired", async () => {
    const expiring = await provisionKey(portal);

    await setGrantTime(
      { accessToken: expiring.tokens.accessToken },
      "accessExpiresAt",
      new Date(Date.now() - 1000),
    );

    const result = await api.authorize(expiring.credentials, expiring.tokens.accessToken);

    expect(result.status).toBe(401);
    expect(result.json.error).toBe("token_expired");
  });

  it("refuses a key restricted to 203.0.113.7 from 127.0.0.1 despite X-Forwarded-For", async () => {
    const restricted = await provisionKey(portal, { ipAllowlist: ["203.0.113.7"] });
    const spoofing = [
      { "x-forwarded-for": "203.0.113.7" },
      { "x-forwarded-for": "203.0.113.7, 203.0.113.7" },
      { forwarded: "for=203.0.113.7", "x-real-ip": "203.0.113.7" },
      { "x-keyward-peer-address": "203.0.113.7", "x-keyward-peer-proof": "guess" },
    ];

    for (const headers of spoofing) {
      const result = await api.authorize(
        restricted.credentials,
        restricted.tokens.accessToken,
        headers,
      );

      expect(result.status).toBe(403);
      expect(result.json.error).toBe("ip_not_allowed");
    }
  });

  it.each([["127.0.0.1"], ["127.0.0.0/8"], ["::ffff:127.0.0.1"]])(
    "admits a call from 127.0.0.1 to a key restricted to %s",
    async (entry) => {
      const restricted = await provisionKey(portal, { ipAllowlist: ["203.0.113.7", entry] });
      const result = await api.authorize(restricted.credentials, restricted.tokens.accessToken);

      expect(result.status).toBe(200);
    },
  );

  it("puts error, error_description and request_id in every error, matching X-Request-Id", async () => {
    const result = await api.authorize(key.credentials, "nope");

    expect(result.json.request_id).toMatch(UUID);
    expect(result.headers.get("x-request-id")).toBe(result.json.request_id);
    expect(result.headers.get("cache-control")).toBe("no-store");
    expect(result.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("marks each key and grant last used, with the caller's address, across concurrent calls", async () => {
    const others = await Promise.all([provisionKey(portal), provisionKey(portal)]);
    const calls = others.flatMap((each) =>
      Array.from({ length: 5 }, () => api.authorize(each.credentials, each.tokens.accessToken)),
    );

    expect((await Promise.all(calls)).map((result) => result.status)).toEqual(calls.map(() => 200));

    const listed = await portal.get("/api/keys");

    for (const each of others) {
      const grants = await query<{ lastClientAddress: string | null }>(
        `SELECT "lastClientAddress" FROM "TokenGrant" WHERE "accessTokenHash" = ?`,
        [sha256(each.tokens.accessToken)],
      );

      expect(findKey(listed, each.keyId).last_used_at).not.toBeNull();
      expect(grants).toEqual([{ lastClientAddress: "127.0.0.1" }]);
    }
  });

  it("keeps last-used marks to the minute: rewrites them only once they are a minute old", async () => {
    const used = await provisionKey(portal);
    const marks = async () => {
      const [row] = await query<{ keyUsed: unknown; grantUsed: unknown }>(
        `SELECT k."lastUsedAt" AS "keyUsed", g."lastUsedAt" AS "grantUsed"
          FROM "ApiKey" k JOIN "TokenSet" ts ON ts."apiKeyId" = k.id
          JOIN "TokenGrant" g ON g."tokenSetId" = ts.id WHERE k.id = ?`,
        [used.keyId],
      );

      return { key: new Date(row?.keyUsed as string), grant: new Date(row?.grantUsed as string) };
    };
    const call = async () => {
      const result = await api.authorize(used.credentials, used.tokens.accessToken);

      expect(result.status).toBe(200);
    };

    await call();
    const first = await marks();

    await call();
    expect(await marks()).toEqual(first);

    const longAgo = new Date(Date.now() - 90_000);

    await execute(`UPDATE "ApiKey" SET "lastUsedAt" = ? WHERE id = ?`, [longAgo, used.keyId]);
    await setGrantTime({ accessToken: used.tokens.accessToken }, "lastUsedAt", longAgo);
    await call();
    const after = await marks();

    expect(after.key.getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);
    expect(after.grant.getTime()).toBeGreaterThan(longAgo.getTime() + 60_000);
  });
});
