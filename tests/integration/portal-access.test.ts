import { beforeAll, describe, expect, it } from "vitest";

import { environment } from "./helpers/environment";
import { createKey, provisionKey, saveSettings } from "./helpers/fixtures";
import { UUID } from "./helpers/http";
import { findKey } from "./helpers/key-view";
import { anonymousClient, signIn, type PortalClient } from "./helpers/portal-client";

type Route = { method: string; path: (id: string) => string; body?: unknown };

const KEY_ROUTES: Route[] = [
  { method: "GET", path: () => "/api/keys" },
  { method: "POST", path: () => "/api/keys", body: {} },
  {
    method: "PUT",
    path: (id) => `/api/keys/${id}/settings`,
    body: { ip_allowlist: [], webhook_format: "multiple" },
  },
  { method: "POST", path: (id) => `/api/keys/${id}/tokens` },
  { method: "PUT", path: (id) => `/api/keys/${id}/enhanced-security`, body: { enabled: true } },
  { method: "POST", path: (id) => `/api/keys/${id}/revoke` },
];

const ID_ROUTES = KEY_ROUTES.filter((route) => route.path("x") !== "/api/keys");

function call(client: PortalClient, route: Route, id: string) {
  const path = route.path(id);

  return route.method === "GET" ? client.get(path) : client.send(route.method, path, route.body);
}

describe("portal access control", () => {
  let merchantA: PortalClient;
  let keyId: string;

  beforeAll(async () => {
    const { servers, users } = environment();

    merchantA = await signIn(servers.node, users.merchantA);
    keyId = (await provisionKey(merchantA)).keyId;
  });

  const describeRoute = (route: Route) => `${route.method} ${route.path(":id")}`;

  it.each(KEY_ROUTES.map((route) => [describeRoute(route), route] as const))(
    "answers %s without a session with 401 unauthorized JSON",
    async (_name, route) => {
      const result = await call(anonymousClient(environment().servers.node), route, keyId);

      expect(result.status).toBe(401);
      expect(result.headers.get("content-type")).toMatch(/^application\/json/);
      expect(result.json).toMatchObject({ error: "unauthorized" });
      expect(result.json.request_id).toMatch(UUID);
    },
  );

  it.each(KEY_ROUTES.map((route) => [describeRoute(route), route] as const))(
    "refuses %s to a support user with 403 forbidden",
    async (_name, route) => {
      const { servers, users } = environment();
      const support = await signIn(servers.node, users.support);
      const result = await call(support, route, keyId);

      expect(result.status).toBe(403);
      expect(result.json).toMatchObject({ error: "forbidden" });
    },
  );

  it.each(ID_ROUTES.map((route) => [describeRoute(route), route] as const))(
    "answers merchant B's %s on merchant A's key with 404, changing nothing",
    async (_name, route) => {
      const { servers, users } = environment();
      const merchantB = await signIn(servers.node, users.merchantB);
      const before = await merchantA.get("/api/keys");
      const result = await call(merchantB, route, keyId);

      expect(result.status).toBe(404);
      expect(result.json).toMatchObject({ error: "not_found" });
      expect((await merchantA.get("/api/keys")).json).toEqual(before.json);
    },
  );

  it("does not list merchant A's keys to merchant B", async () => {
    const { servers, users } = environment();
    const merchantB = await signIn(servers.node, users.merchantB);
    const result = await merchantB.get("/api/keys");

    expect(result.status).toBe(200);
    expect(result.text).not.toContain(keyId);
  });

  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["a same-host Origin on another port", { origin: "http://127.0.0.1:1" }],
    ["Sec-Fetch-Site: cross-site and no Origin", { origin: "", "sec-fetch-site": "cross-site" }],
    ["a malformed Origin", { origin: "not-a-url" }],
  ])("refuses a mutation carrying %s with 403, changing nothing", async (_name, headers) => {
    const before = await merchantA.get("/api/keys");
    const created = await merchantA.send("POST", "/api/keys", { label: "csrf" }, headers);
    const saved = await merchantA.send(
      "PUT",
      `/api/keys/${keyId}/settings`,
      { ip_allowlist: ["192.0.2.1"], webhook_format: "multiple" },
      headers,
    );
    const revoked = await merchantA.send("POST", `/api/keys/${keyId}/revoke`, undefined, headers);

    for (const result of [created, saved, revoked]) {
      expect(result.status).toBe(403);
      expect(result.json).toMatchObject({ error: "forbidden" });
    }

    expect((await merchantA.get("/api/keys")).json).toEqual(before.json);
  });

  it("accepts a mutation whose Origin is the portal's own", async () => {
    const { keyId: fresh } = await createKey(merchantA);

    await saveSettings(merchantA, fresh, ["192.0.2.1"]);

    const listed = findKey(await merchantA.get("/api/keys"), fresh);

    expect(listed.ip_allowlist).toEqual(["192.0.2.1"]);
  });
});
