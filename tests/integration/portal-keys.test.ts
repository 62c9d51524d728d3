import { beforeAll, describe, expect, it } from "vitest";

import { database } from "./helpers/database";
import { environment } from "./helpers/environment";
import { provisionKey } from "./helpers/fixtures";
import { objectField, stringField } from "./helpers/http";
import { findKey, keyOf, keysOf } from "./helpers/key-view";
import { signIn, type PortalClient } from "./helpers/portal-client";

describe("portal key creation and listing", () => {
  let portal: PortalClient;

  beforeAll(async () => {
    const { servers, users } = environment();

    portal = await signIn(servers.node, users.merchantA);
  });

  it("creates a key with 201 and shows its 64-hex plaintext once, with a matching hint", async () => {
    const result = await portal.send("POST", "/api/keys", { label: "Checkout server" });
    const apiKey = stringField(result.json, "api_key");
    const key = keyOf(result);

    expect(result.status).toBe(201);
    expect(apiKey).toMatch(/^[0-9a-f]{64}$/);
    expect(key.label).toBe("Checkout server");
    expect(key.key_hint).toBe(`${apiKey.slice(0, 4)}…${apiKey.slice(-4)}`);
    expect(key.tokens.state).toBe("none");
    expect(key.settings_saved_at).toBeNull();
  });

  it("never returns a plaintext secret or any stored hash from GET /api/keys", async () => {
    const provisioned = await provisionKey(portal);
    const { tokens } = provisioned;
    const refreshed = await portal.send("POST", `/api/keys/${provisioned.keyId}/tokens`);
    const secondSecret = stringField(objectField(refreshed.json, "tokens"), "client_secret");
    const hashes = database()
      .prepare(
        `SELECT k.keyHash AS a, s.clientSecretHash AS b, g.accessTokenHash AS c,
                g.refreshTokenHash AS d
           FROM ApiKey k JOIN TokenSet s ON s.apiKeyId = k.id JOIN TokenGrant g ON g.tokenSetId = s.id
          WHERE k.id = ?`,
      )
      .all(provisioned.keyId) as Record<string, string>[];
    const listed = await portal.get("/api/keys");
    const secrets = [
      provisioned.apiKey,
      tokens.clientSecret,
      tokens.accessToken,
      tokens.refreshToken,
      secondSecret,
      ...hashes.flatMap((row) => Object.values(row)),
    ];

    expect(listed.status).toBe(200);
    expect(hashes.length).toBeGreaterThanOrEqual(2);
    expect(findKey(listed, provisioned.keyId).tokens.state).toBe("active");

    for (const secret of secrets) {
      expect(listed.text).not.toContain(secret);
    }

    expect(listed.text).not.toMatch(/hash|secret|access_token"|refresh_token"/i);
  });

  it("lists keys newest first with only the view's fields", async () => {
    const first = keyOf(await portal.send("POST", "/api/keys", { label: "older" }));
    const second = keyOf(await portal.send("POST", "/api/keys", { label: "newer" }));
    const ids = keysOf(await portal.get("/api/keys")).map((key) => key.id);

    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
  });

  it.each([
    ["a body that is not JSON", "{label:"],
    ["a JSON array", "[]"],
    ["a label that is not a string", JSON.stringify({ label: 42 })],
    ["a label over 60 characters", JSON.stringify({ label: "x".repeat(61) })],
  ])("answers POST /api/keys with %s with 400 invalid_request, not 500", async (_name, body) => {
    const before = keysOf(await portal.get("/api/keys")).length;
    const result = await portal.send("POST", "/api/keys", body);

    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: "invalid_request" });
    expect(keysOf(await portal.get("/api/keys"))).toHaveLength(before);
  });

  it.each([
    ["settings", "{"],
    ["settings", JSON.stringify({ ip_allowlist: "10.0.0.1", webhook_format: "single" })],
    ["settings", JSON.stringify({ ip_allowlist: [], webhook_format: "xml" })],
    ["enhanced-security", "not json"],
    ["enhanced-security", JSON.stringify({ enabled: "yes" })],
  ])("answers PUT /api/keys/:id/%s with body %s with 400, not 500", async (path, body) => {
    const { keyId } = await provisionKey(portal);
    const result = await portal.send("PUT", `/api/keys/${keyId}/${path}`, body);

    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: "invalid_request" });
    expect(typeof result.json.error_description).toBe("string");
  });
});
