import { beforeAll, describe, expect, it } from "vitest";

import { environment } from "./helpers/environment";
import { createKey, saveSettings } from "./helpers/fixtures";
import { findKey, keyOf } from "./helpers/key-view";
import { signIn, type PortalClient } from "./helpers/portal-client";

describe("portal key settings", () => {
  let portal: PortalClient;

  beforeAll(async () => {
    const { servers, users } = environment();

    portal = await signIn(servers.node, users.merchantA);
  });

  it("refuses invalid allowlist entries with 400 naming each one, and saves nothing", async () => {
    const { keyId } = await createKey(portal);

    await saveSettings(portal, keyId, ["192.0.2.10"]);

    const before = findKey(await portal.get("/api/keys"), keyId);
    const invalid = ["10.0.0.300", "abc", "1.2.3.4/33", "2001:db8::/129", "10.0.0.1/8/1"];
    const result = await portal.send("PUT", `/api/keys/${keyId}/settings`, {
      ip_allowlist: ["198.51.100.1", ...invalid],
      webhook_format: "multiple",
    });

    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: "invalid_request", invalid_entries: invalid });

    for (const entry of invalid) {
      expect(result.json.error_description).toContain(entry);
    }

    expect(findKey(await portal.get("/api/keys"), keyId)).toEqual(before);
  });

  it("saves valid IPv4, IPv6 and CIDR entries normalised and deduplicated", async () => {
    const { keyId } = await createKey(portal);
    const result = await portal.send("PUT", `/api/keys/${keyId}/settings`, {
      ip_allowlist: [
        " 203.0.113.7 ",
        "2001:DB8:0:0:0:0:0:1",
        "10.1.2.3/8",
        "2001:db8:0:0:1::/64",
        "203.0.113.7",
        "",
      ],
      webhook_format: "multiple",
    });
    const expected = ["203.0.113.7", "2001:db8::1", "10.0.0.0/8", "2001:db8::/64"];

    expect(result.status).toBe(200);
    expect(keyOf(result).ip_allowlist).toEqual(expected);

    const stored = findKey(await portal.get("/api/keys"), keyId);

    expect(stored.ip_allowlist).toEqual(expected);
    expect(stored.webhook_format).toBe("multiple");
    expect(stored.settings_saved_at).not.toBeNull();
  });

  it("accepts an empty allowlist, which leaves the key unrestricted", async () => {
    const { keyId } = await createKey(portal);

    await saveSettings(portal, keyId, ["192.0.2.1"]);

    const result = await portal.send("PUT", `/api/keys/${keyId}/settings`, {
      ip_allowlist: [],
      webhook_format: "single",
    });

    expect(result.status).toBe(200);
    expect(keyOf(result).ip_allowlist).toEqual([]);
  });

  it("refuses more than 50 allowlist entries with 400", async () => {
    const { keyId } = await createKey(portal);
    const entries = Array.from({ length: 51 }, (_, index) => `192.0.2.${index}`);
    const result = await portal.send("PUT", `/api/keys/${keyId}/settings`, {
      ip_allowlist: entries,
      webhook_format: "single",
    });

    expect(result.status).toBe(400);
    expect(findKey(await portal.get("/api/keys"), keyId).settings_saved_at).toBeNull();
  });
});
