import { beforeAll, describe, expect, it } from "vitest";

import { environment } from "../helpers/environment";
import { anonymousClient, signIn, type PortalClient } from "../helpers/portal-client";
import { api, provisionForSupport, requestIdOf, type MerchantKey } from "./support-fixtures";

type Actor = "anonymous" | "merchantA" | "merchantB" | "support";

type Ids = { key: string; set: string; merchant: string; request: string };

type Route = {
  method: "GET" | "POST" | "PUT";
  path: (ids: Ids) => string;
  body?: unknown;
  /** Expected status per actor; ids always belong to merchant A. */
  expect: Record<Actor, number>;
};

const REASON = { reason: "role matrix check" };
const MERCHANT_API = (ok: number) => ({
  anonymous: 401,
  merchantA: ok,
  merchantB: 404,
  support: 403,
});
const MERCHANT_LIST = (ok: number) => ({
  anonymous: 401,
  merchantA: ok,
  merchantB: ok,
  support: 403,
});
const SUPPORT_API = { anonymous: 401, merchantA: 403, merchantB: 403, support: 200 };
const SUPPORT_PAGE = { anonymous: 307, merchantA: 403, merchantB: 403, support: 200 };

const ROUTES: Route[] = [
  { method: "GET", path: () => "/api/keys", expect: MERCHANT_LIST(200) },
  { method: "POST", path: () => "/api/keys", body: {}, expect: MERCHANT_LIST(201) },
  {
    method: "PUT",
    path: (ids) => `/api/keys/${ids.key}/settings`,
    body: { ip_allowlist: [], webhook_format: "single" },
    expect: MERCHANT_API(200),
  },
  { method: "POST", path: (ids) => `/api/keys/${ids.key}/tokens`, expect: MERCHANT_API(201) },
  {
    method: "PUT",
    path: (ids) => `/api/keys/${ids.key}/enhanced-security`,
    body: { enabled: true },
    expect: MERCHANT_API(200),
  },
  { method: "POST", path: (ids) => `/api/keys/${ids.key}/revoke`, expect: MERCHANT_API(200) },
  { method: "GET", path: (ids) => `/api/keys/${ids.key}/activity`, expect: MERCHANT_API(200) },
  { method: "GET", path: () => "/api/support/merchants?q=Merchant", expect: SUPPORT_API },
  { method: "GET", path: (ids) => `/api/support/merchants/${ids.merchant}`, expect: SUPPORT_API },
  { method: "GET", path: (ids) => `/api/support/token-sets/${ids.set}`, expect: SUPPORT_API },
  {
    method: "POST",
    path: (ids) => `/api/support/token-sets/${ids.set}/revoke`,
    body: REASON,
    expect: SUPPORT_API,
  },
  {
    method: "POST",
    path: (ids) => `/api/support/keys/${ids.key}/revoke`,
    body: REASON,
    expect: SUPPORT_API,
  },
  { method: "GET", path: (ids) => `/api/support/audit?key_id=${ids.key}`, expect: SUPPORT_API },
  {
    method: "GET",
    path: (ids) => `/api/support/audit/export?key_id=${ids.key}`,
    expect: SUPPORT_API,
  },
  { method: "GET", path: (ids) => `/api/support/requests/${ids.request}`, expect: SUPPORT_API },
  { method: "GET", path: () => "/support", expect: SUPPORT_PAGE },
  { method: "GET", path: (ids) => `/support/merchants/${ids.merchant}`, expect: SUPPORT_PAGE },
  { method: "GET", path: (ids) => `/support/token-sets/${ids.set}`, expect: SUPPORT_PAGE },
  { method: "GET", path: () => "/support/audit", expect: SUPPORT_PAGE },
  { method: "GET", path: () => "/support/explain", expect: SUPPORT_PAGE },
  {
    method: "GET",
    path: () => "/account-security/api-secret-key",
    expect: { anonymous: 307, merchantA: 200, merchantB: 200, support: 403 },
  },
  {
    method: "GET",
    path: (ids) => `/account-security/api-secret-key/${ids.key}/activity`,
    expect: { anonymous: 307, merchantA: 200, merchantB: 404, support: 403 },
  },
];

const ACTORS: Actor[] = ["anonymous", "merchantA", "merchantB", "support"];

const name = (route: Route) =>
  `${route.method} ${route.path({ key: ":key", set: ":set", merchant: ":merchant", request: ":request" })}`;

describe("every route answers every role as the matrix says", () => {
  const clients = {} as Record<Actor, PortalClient>;

  beforeAll(async () => {
    const { servers, users } = environment();

    clients.anonymous = anonymousClient(servers.node);
    clients.merchantA = await signIn(servers.node, users.merchantA);
    clients.merchantB = await signIn(servers.node, users.merchantB);
    clients.support = await signIn(servers.node, users.support);
  });

  /** Every cell gets a fresh key of merchant A, so an allowed revoke cannot spoil the next cell. */
  async function freshIds(): Promise<Ids> {
    const key: MerchantKey = await provisionForSupport(clients.merchantA, clients.support);
    const call = await api().authorize(key.credentials, key.tokens.accessToken);

    return {
      key: key.keyId,
      set: key.tokenSetId,
      merchant: key.merchantId,
      request: requestIdOf(call),
    };
  }

  const cells = ROUTES.flatMap((route) =>
    ACTORS.map((actor) => [name(route), actor, route.expect[actor], route] as const),
  );

  it.each(cells)("%s as %s answers %i", async (_name, actor, status, route) => {
    const ids = await freshIds();
    const client = clients[actor];
    const path = route.path(ids);
    const result =
      route.method === "GET"
        ? await client.get(path)
        : await client.send(route.method, path, route.body);

    expect(result.status, result.text.slice(0, 300)).toBe(status);

    if (status === 307) {
      expect(result.headers.get("location")).toMatch(/\/sign-in\?callbackUrl=/);
    }
  });

  it("refuses a support mutation sent cross-site, even with a valid session", async () => {
    const ids = await freshIds();
    const result = await clients.support.send(
      "POST",
      `/api/support/token-sets/${ids.set}/revoke`,
      REASON,
      { origin: "https://attacker.example" },
    );

    expect(result.status).toBe(403);
    expect((await clients.support.get(`/api/support/token-sets/${ids.set}`)).json).toMatchObject({
      token_set: { state: "active" },
    });
  });
});
