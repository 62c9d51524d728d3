import { describe, expect, it } from "vitest";

import { tokenSetState, toTokenSetView, type TokenSetRow, type TokenSetState } from "./token-sets";

const now = new Date("2026-12-10T12:00:00.000Z");
const hour = 3_600_000;
const grant = (offsetHours: number, rotated: boolean) => ({
  createdAt: new Date(now.getTime() + offsetHours * hour),
  accessExpiresAt: new Date(now.getTime() + (offsetHours + 1) * hour),
  refreshExpiresAt: new Date(now.getTime() + (offsetHours + 720) * hour),
  rotatedAt: rotated ? new Date(now.getTime() + (offsetHours + 0.5) * hour) : null,
  lastUsedAt: new Date(now.getTime() + (offsetHours + 0.25) * hour),
  lastClientAddress: `203.0.113.${offsetHours + 10}`,
});
const base: TokenSetRow = {
  id: "s1",
  clientId: "c1",
  createdAt: new Date(now.getTime() - 2 * hour),
  revokedAt: null,
  revokedReason: null,
  grants: [grant(-2, true), grant(-1, false)],
};

describe("token family state", () => {
  const cases: [TokenSetState, TokenSetRow][] = [
    ["active", base],
    ["reuse_detected", { ...base, revokedAt: now, revokedReason: "refresh_token_reuse" }],
    ["rotated", { ...base, revokedAt: now, revokedReason: "replaced" }],
    ["revoked", { ...base, revokedAt: now, revokedReason: "support_revoked" }],
    ["revoked", { ...base, revokedAt: now, revokedReason: "key_revoked" }],
    ["expired", { ...base, grants: [{ ...grant(-1, false), refreshExpiresAt: now }] }],
  ];

  it.each(cases)("is %s", (state, set) => {
    expect(tokenSetState(set, now)).toBe(state);
  });

  it("reports the current grant's expiry and the most recent use and address", () => {
    expect(toTokenSetView(base, now)).toMatchObject({
      access_expires_at: new Date(now.getTime()).toISOString(),
      last_client_address: "203.0.113.9",
      refresh_count: 1,
    });
  });
});
