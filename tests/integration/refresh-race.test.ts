import { beforeAll, describe, expect, it } from "vitest";

import { database } from "./helpers/database";
import { environment, transports } from "./helpers/environment";
import { provisionKey, tokensOf, type ProvisionedKey } from "./helpers/fixtures";
import { stringField, type HttpResult } from "./helpers/http";
import { signIn, type PortalClient } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";

async function expectOneWinner(key: ProvisionedKey, results: HttpResult[], api: PublicApi) {
  const winners = results.filter((result) => result.status === 200);

  expect(results.filter((result) => result.status >= 500).map((result) => result.text)).toEqual([]);
  expect(winners).toHaveLength(1);

  for (const result of results.filter((candidate) => candidate.status !== 200)) {
    expect(result.status).toBe(400);
    expect(result.json.error).toBe("invalid_grant");
  }

  const winner = winners[0] as HttpResult;
  const liveGrants = database()
    .prepare(
      `SELECT COUNT(*) AS count FROM TokenGrant g JOIN TokenSet s ON s.id = g.tokenSetId
        WHERE s.clientId = ? AND g.rotatedAt IS NULL`,
    )
    .get(key.tokens.clientId) as { count: number };

  expect(liveGrants.count).toBe(1);
  expect(
    (await api.authorize(key.credentials, stringField(winner.json, "access_token"))).status,
  ).toBe(200);
  expect(
    (await api.refresh(key.credentials, stringField(winner.json, "refresh_token"))).status,
  ).toBe(200);
}

describe.each(transports())("concurrent refreshes ($transport transport)", ({ baseUrl }) => {
  let portal: PortalClient;
  let api: PublicApi;

  beforeAll(async () => {
    portal = await signIn(baseUrl, environment().users.merchantA);
    api = publicApi(baseUrl);
  });

  it("lets exactly one of 20 concurrent refreshes with one token win, with no 5xx", async () => {
    const key = await provisionKey(portal);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.refresh(key.credentials, key.tokens.refreshToken)),
    );

    await expectOneWinner(key, results, api);
  });
});

describe("concurrent refreshes across two server processes sharing one database", () => {
  it("lets exactly one of 20 refreshes split over both servers win, with no 5xx", async () => {
    const { servers, users } = environment();
    const key = await provisionKey(await signIn(servers.node, users.merchantA));
    const apis = [publicApi(servers.node), publicApi(servers.next)];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (apis[index % 2] as PublicApi).refresh(key.credentials, key.tokens.refreshToken),
      ),
    );

    await expectOneWinner(key, results, publicApi(servers.node));
  });
});

describe("concurrent token generation", () => {
  it("leaves exactly one live token set when Generate Tokens is clicked 5 times at once", async () => {
    const { servers, users } = environment();
    const portal = await signIn(servers.node, users.merchantA);
    const api = publicApi(servers.node);
    const { keyId, apiKey } = await provisionKey(portal);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => portal.send("POST", `/api/keys/${keyId}/tokens`)),
    );
    const live = database()
      .prepare("SELECT COUNT(*) AS count FROM TokenSet WHERE apiKeyId = ? AND revokedAt IS NULL")
      .get(keyId) as { count: number };
    let working = 0;

    expect(results.map((result) => result.status)).toEqual([201, 201, 201, 201, 201]);
    expect(live.count).toBe(1);

    for (const result of results) {
      const tokens = tokensOf(result);
      const credentials = { apiKey, clientId: tokens.clientId, clientSecret: tokens.clientSecret };

      if ((await api.authorize(credentials, tokens.accessToken)).status === 200) {
        working += 1;
      }
    }

    expect(working).toBe(1);
  });
});
