import { beforeAll, describe, expect, it } from "vitest";

import { setGrantTime } from "./helpers/database";
import { environment, transports } from "./helpers/environment";
import {
  provisionKey,
  saveSettings,
  setEnhancedSecurity,
  type ProvisionedKey,
} from "./helpers/fixtures";
import { stringField } from "./helpers/http";
import { signIn, type PortalClient } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";
import { provisionForSupport } from "./support/support-fixtures";

/**
 * On SQLite the server keeps what authorize read in memory. Each case first gets two 200s (the
 * first rewrites the last-used marks, which drops the caller from memory; the second keeps it),
 * then changes the rows some way and expects the very next call to see it.
 */
describe.each(transports())("authorize after a change ($transport transport)", ({ baseUrl }) => {
  let portal: PortalClient;
  let support: PortalClient;
  let api: PublicApi;

  const authorizedTwice = async (key: ProvisionedKey, accessToken = key.tokens.accessToken) => {
    for (let call = 0; call < 2; call += 1) {
      expect((await api.authorize(key.credentials, accessToken)).status).toBe(200);
    }
  };

  beforeAll(async () => {
    portal = await signIn(baseUrl, environment().users.merchantA);
    support = await signIn(baseUrl, environment().users.support);
    api = publicApi(baseUrl);
  });

  it("refuses a key revoked through this instance's portal at the very next call", async () => {
    const key = await provisionKey(portal);

    await authorizedTwice(key);
    expect((await portal.send("POST", `/api/keys/${key.keyId}/revoke`)).status).toBe(200);

    const result = await api.authorize(key.credentials, key.tokens.accessToken);

    expect(result.status).toBe(401);
    expect(result.json.error).toBe("invalid_client");
  });

  it("refuses tokens support revoked at the very next call", async () => {
    const key = await provisionForSupport(portal, support);

    await authorizedTwice(key);

    const revoked = await support.send("POST", `/api/support/token-sets/${key.tokenSetId}/revoke`, {
      reason: "Leaked in a ticket",
    });

    expect(revoked.status).toBe(200);
    expect((await api.authorize(key.credentials, key.tokens.accessToken)).status).toBe(401);
  });

  it("sees a change another process wrote straight to the database", async () => {
    const key = await provisionKey(portal);

    await authorizedTwice(key);

    await setGrantTime(
      { accessToken: key.tokens.accessToken },
      "accessExpiresAt",
      new Date(Date.now() - 1000),
    );

    const result = await api.authorize(key.credentials, key.tokens.accessToken);

    expect(result.status).toBe(401);
    expect(result.json.error).toBe("token_expired");
  });

  it("applies a new address restriction and Enhance Security at the very next call", async () => {
    const key = await provisionKey(portal);

    await authorizedTwice(key);

    await setEnhancedSecurity(portal, key.keyId, true);
    const enhanced = await api.authorize(key.credentials, key.tokens.accessToken);

    expect(enhanced.status).toBe(200);
    expect(enhanced.json.enhanced_security).toBe(true);

    await saveSettings(portal, key.keyId, ["203.0.113.0/24"]);

    expect((await api.authorize(key.credentials, key.tokens.accessToken)).status).toBe(403);
  });

  it("admits at the very next call a caller it refused, once the portal allows its address", async () => {
    const key = await provisionKey(portal, { ipAllowlist: ["203.0.113.0/24"] });

    for (let call = 0; call < 2; call += 1) {
      expect((await api.authorize(key.credentials, key.tokens.accessToken)).status).toBe(403);
    }

    await saveSettings(portal, key.keyId, ["127.0.0.1"]);

    expect((await api.authorize(key.credentials, key.tokens.accessToken)).status).toBe(200);
  });

  it("refuses a token once its hour is over, with no write in between", async () => {
    const key = await provisionKey(portal);

    await setGrantTime(
      { accessToken: key.tokens.accessToken },
      "accessExpiresAt",
      new Date(Date.now() + 1500),
    );
    await authorizedTwice(key);

    await expect
      .poll(async () => (await api.authorize(key.credentials, key.tokens.accessToken)).json.error, {
        timeout: 10_000,
      })
      .toBe("token_expired");
  });

  it("refuses an access token replaced by a refresh through this instance", async () => {
    const key = await provisionKey(portal);

    await authorizedTwice(key);

    const renewed = await api.refresh(key.credentials, key.tokens.refreshToken);
    const next = stringField(renewed.json, "access_token");

    expect(renewed.status).toBe(200);

    const replaced = await api.authorize(key.credentials, key.tokens.accessToken);

    expect(replaced.status).toBe(401);
    expect(replaced.json.error).toBe("invalid_token");
    expect((await api.authorize(key.credentials, next)).status).toBe(200);
  });

  it("refuses the family's live access token once a reused refresh token revoked it", async () => {
    const key = await provisionKey(portal);
    const renewed = await api.refresh(key.credentials, key.tokens.refreshToken);
    const next = stringField(renewed.json, "access_token");

    await setGrantTime(
      { refreshToken: key.tokens.refreshToken },
      "rotatedAt",
      new Date(Date.now() - 31_000),
    );
    await authorizedTwice(key, next);
    expect((await api.refresh(key.credentials, key.tokens.refreshToken)).status).toBe(400);

    const result = await api.authorize(key.credentials, next);

    expect(result.status).toBe(401);
    expect(result.json.error).toBe("invalid_client");
  });
});
