import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { query } from "./helpers/database";
import { environment, type SharedLimitStore } from "./helpers/environment";
import { generateTokens, provisionKey, type ProvisionedKey } from "./helpers/fixtures";
import { stringField, uniqueLoopbackAddress, type HttpResult } from "./helpers/http";
import { signIn, type PortalClient } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";

/**
 * The node and next servers are two instances of Keyward on one database: a PostgreSQL
 * database, or on SQLite one file. Nothing may live in one instance's memory that the other
 * needs to see.
 */
describe("two instances sharing one database", () => {
  let portals: [PortalClient, PortalClient];
  let apis: [PublicApi, PublicApi];

  beforeAll(async () => {
    const { servers, users } = environment();

    portals = [
      await signIn(servers.node, users.merchantA),
      await signIn(servers.next, users.merchantA),
    ];
    apis = [publicApi(servers.node), publicApi(servers.next)];
  });

  it("accepts on each instance a key and tokens generated through the other", async () => {
    const key = await provisionKey(portals[0]);

    expect((await apis[1].authorize(key.credentials, key.tokens.accessToken)).status).toBe(200);
    expect((await apis[1].account(key.apiKey)).status).toBe(200);

    const renewed = await apis[1].refresh(key.credentials, key.tokens.refreshToken);

    expect(renewed.status).toBe(200);
    expect(
      (await apis[0].authorize(key.credentials, stringField(renewed.json, "access_token"))).status,
    ).toBe(200);

    const replacement = await generateTokens(portals[1], key.keyId);
    const credentials = {
      apiKey: key.apiKey,
      clientId: replacement.clientId,
      clientSecret: replacement.clientSecret,
    };

    expect((await apis[0].authorize(credentials, replacement.accessToken)).status).toBe(200);
    expect((await apis[0].authorize(key.credentials, key.tokens.accessToken)).status).toBe(401);
  });

  it("refuses on one instance, at the very next call, a key revoked through the other", async () => {
    for (const [revoker, caller] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const key = await provisionKey(portals[revoker]);

      // Twice: the first call rewrites the last-used marks, the second is answered as the next
      // would be, from what the instance kept of it.
      for (let call = 0; call < 2; call += 1) {
        expect((await apis[caller].authorize(key.credentials, key.tokens.accessToken)).status).toBe(
          200,
        );
      }
      expect((await portals[revoker].send("POST", `/api/keys/${key.keyId}/revoke`)).status).toBe(
        200,
      );

      const authorize = await apis[caller].authorize(key.credentials, key.tokens.accessToken);
      const refresh = await apis[caller].refresh(key.credentials, key.tokens.refreshToken);
      const account = await apis[caller].account(key.apiKey);

      for (const result of [authorize, refresh, account]) {
        expect(result.status).toBe(401);
        expect(result.json.error).toBe("invalid_client");
      }
    }
  });

  it("lets exactly one of 20 refreshes spread over both instances win, whose tokens work on both", async () => {
    const key = await provisionKey(portals[0]);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        apis[index % 2 === 0 ? 0 : 1].refresh(key.credentials, key.tokens.refreshToken),
      ),
    );
    const winners = results.filter((result) => result.status === 200);
    const successes = await query<{ count: number }>(
      `SELECT COUNT(*) AS "count" FROM "AuditEvent"
        WHERE "apiKeyId" = ? AND "type" = 'api.refresh' AND "outcome" = 'success'`,
      [key.keyId],
    );

    expect(results.filter((result) => result.status >= 500).map((result) => result.text)).toEqual(
      [],
    );
    expect(winners).toHaveLength(1);
    expect(successes).toEqual([{ count: 1 }]);

    for (const result of results.filter((candidate) => candidate.status !== 200)) {
      expect(result.status).toBe(400);
      expect(result.json.error).toBe("invalid_grant");
    }

    const accessToken = stringField((winners[0] as HttpResult).json, "access_token");

    for (const api of apis) {
      expect((await api.authorize(key.credentials, accessToken)).status).toBe(200);
    }
  });
});

const isPostgres = environment().database.provider === "postgresql";
const stores: SharedLimitStore[] = ["postgres", "redis"];

describe.skipIf(!isPostgres).each(stores)(
  "failure rate limit shared by two instances through %s (PostgreSQL runs only: on SQLite each instance counts failures in its own memory)",
  (store) => {
    let key: ProvisionedKey;
    let apis: [PublicApi, PublicApi];

    beforeAll(async () => {
      const [first = "", second = ""] = environment().servers.sharedLimit[store];
      const localAddress = uniqueLoopbackAddress();

      key = await provisionKey(await signIn(first, environment().users.merchantA));
      apis = [publicApi(first, { localAddress }), publicApi(second, { localAddress })];
    });

    it("answers 429 on the 4th call once 3 failures were spread over both instances", async () => {
      const wrongKey = { ...key.credentials, apiKey: randomBytes(32).toString("hex") };

      for (const api of apis) {
        expect((await api.authorize(key.credentials, key.tokens.accessToken)).status).toBe(200);
      }

      for (const api of [apis[0], apis[1], apis[0]]) {
        expect((await api.authorize(wrongKey, key.tokens.accessToken)).status).toBe(401);
      }

      const limited = await apis[1].authorize(wrongKey, key.tokens.accessToken);
      const honest = await apis[0].authorize(key.credentials, key.tokens.accessToken);

      for (const result of [limited, honest]) {
        expect(result.status).toBe(429);
        expect(result.json.error).toBe("rate_limited");
        expect(Number(result.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      }
    });
  },
);
