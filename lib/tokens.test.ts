import { describe, expect, it } from "vitest";

import { accessTokenExpiry, ACCESS_TOKEN_TTL_SECONDS, refreshTokenExpiry } from "./tokens";
import { authorizedResponse } from "./api-access/responses";

describe("token lifetimes", () => {
  const issuedAt = new Date("2026-12-03T10:00:00.000Z");

  it("an access token expires exactly 3600 s after issue", () => {
    expect(ACCESS_TOKEN_TTL_SECONDS).toBe(3600);
    expect(accessTokenExpiry(issuedAt).toISOString()).toBe("2026-12-03T11:00:00.000Z");
  });

  it("a refresh token lives 30 days by default", () => {
    expect(refreshTokenExpiry(issuedAt).getTime() - issuedAt.getTime()).toBe(30 * 86_400_000);
  });

  it.each([
    [0, 3600],
    [1_000, 3599],
    [3_599_000, 1],
    [3_599_999, 0],
    [3_600_000, 0],
  ])("%i ms after issue, expires_in is %i", (elapsedMs, expected) => {
    const result = authorizedResponse(
      {
        ok: true,
        clientId: "c",
        accessTokenExpiresAt: accessTokenExpiry(issuedAt),
        enhancedSecurity: false,
      },
      new Date(issuedAt.getTime() + elapsedMs),
    );

    expect(result.expires_in).toBe(expected);
  });
});
