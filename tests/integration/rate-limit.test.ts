import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { environment } from "./helpers/environment";
import { provisionKey, type ProvisionedKey } from "./helpers/fixtures";
import { signIn } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";

/** Runs on the server started with RATE_LIMIT_FAILURES=3; nothing else calls its public API. */
describe("public API failure rate limit", () => {
  let api: PublicApi;
  let key: ProvisionedKey;

  beforeAll(async () => {
    const { servers, users } = environment();

    api = publicApi(servers.rateLimited);
    key = await provisionKey(await signIn(servers.rateLimited, users.merchantA));
  });

  it("answers 429 with Retry-After once an address has failed 3 times, even with good credentials", async () => {
    expect((await api.authorize(key.credentials, key.tokens.accessToken)).status).toBe(200);

    const wrongKey = { ...key.credentials, apiKey: randomBytes(32).toString("hex") };

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect((await api.authorize(wrongKey, key.tokens.accessToken)).status).toBe(401);
    }

    const limited = await api.authorize(wrongKey, key.tokens.accessToken);
    const honest = await api.authorize(key.credentials, key.tokens.accessToken);
    const refresh = await api.refresh(key.credentials, key.tokens.refreshToken);

    for (const result of [limited, honest, refresh]) {
      const retryAfter = Number(result.headers.get("retry-after"));

      expect(result.status).toBe(429);
      expect(result.json.error).toBe("rate_limited");
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
  });
});
