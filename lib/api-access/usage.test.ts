import { describe, expect, it } from "vitest";

import { usageTouch } from "./usage";

const now = new Date("2026-12-04T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const fresh = {
  apiKeyId: "key",
  keyLastUsedAt: ago(59_999),
  grantId: "grant",
  grantLastUsedAt: ago(1_000),
  grantLastClientAddress: "203.0.113.7",
};

describe("usageTouch", () => {
  it("leaves marks younger than a minute, from the same address", () => {
    expect(usageTouch(fresh, "203.0.113.7", now)).toBeUndefined();
  });

  it("rewrites a mark once it is a minute old, and only that one", () => {
    expect(usageTouch({ ...fresh, keyLastUsedAt: ago(60_000) }, "203.0.113.7", now)).toEqual({
      apiKeyId: "key",
      clientAddress: "203.0.113.7",
      at: now,
    });
  });

  it("rewrites marks never set", () => {
    const marks = { ...fresh, keyLastUsedAt: null, grantLastUsedAt: null };

    expect(usageTouch(marks, "203.0.113.7", now)).toEqual({
      apiKeyId: "key",
      grantId: "grant",
      clientAddress: "203.0.113.7",
      at: now,
    });
  });

  it("rewrites a fresh grant mark when the call comes from another address", () => {
    expect(usageTouch(fresh, "198.51.100.2", now)).toEqual({
      grantId: "grant",
      clientAddress: "198.51.100.2",
      at: now,
    });
  });

  it("touches the key alone when no grant was presented", () => {
    expect(usageTouch({ apiKeyId: "key", keyLastUsedAt: null }, null, now)).toEqual({
      apiKeyId: "key",
      clientAddress: null,
      at: now,
    });
  });
});
