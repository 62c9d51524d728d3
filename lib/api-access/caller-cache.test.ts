import { describe, expect, it } from "vitest";

import { createCallerCache } from "./caller-cache";
import type { CallerRow } from "./store";

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

const caller = (apiKeyId: string, tokenSetId = `set-${apiKeyId}`): CallerRow => ({
  tokenSetId,
  clientSecretHash: "c".repeat(64),
  tokenSetRevokedAt: null,
  apiKeyId,
  merchantId: "merchant",
  keyHash: "d".repeat(64),
  ipAllowlist: "[]",
  enhancedSecurity: false,
  keyRevokedAt: null,
  grantId: `grant-${tokenSetId}`,
  accessExpiresAt: new Date("2026-12-04T13:00:00.000Z"),
  refreshExpiresAt: null,
  rotatedAt: null,
  keyLastUsedAt: null,
  grantLastUsedAt: null,
  grantLastClientAddress: null,
});

/** A cache over a fake database whose rows and change mark the test sets. */
function setup(capacity = 10) {
  const database = { mark: 1, rows: new Map<string, CallerRow | null>(), loads: 0 };
  const cache = createCallerCache(capacity, () => database.mark);
  const read = (clientId: string, hash = HASH_A) =>
    cache.read(clientId, hash, () => {
      database.loads += 1;

      return database.rows.get(clientId + hash) ?? null;
    });

  return { database, cache, read };
}

describe("createCallerCache", () => {
  it("answers a repeated lookup from memory while the database is unchanged", () => {
    const { database, read } = setup();

    database.rows.set(`client${HASH_A}`, caller("key"));

    expect(read("client")?.apiKeyId).toBe("key");
    expect(read("client")?.apiKeyId).toBe("key");
    expect(database.loads).toBe(1);
  });

  it("reads everything again once another connection has committed", () => {
    const { database, read } = setup();

    database.rows.set(`client${HASH_A}`, caller("key"));
    read("client");
    database.rows.set(`client${HASH_A}`, { ...caller("key"), keyRevokedAt: new Date() });
    database.mark += 1;

    expect(read("client")?.keyRevokedAt).toBeInstanceOf(Date);
    expect(database.loads).toBe(2);
  });

  it("keeps unknown clients and unmatched tokens apart by client id and token hash", () => {
    const { database, read } = setup();

    database.rows.set(`client${HASH_B}`, caller("key"));

    expect(read("client", HASH_A)).toBeNull();
    expect(read("client", HASH_B)?.apiKeyId).toBe("key");
    expect(read("other", HASH_B)).toBeNull();
    expect(read("client", HASH_A)).toBeNull();
    expect(database.loads).toBe(3);
  });

  it("forgets every token set of a key this process wrote to, and only those", () => {
    const { database, cache, read } = setup();

    database.rows.set(`one${HASH_A}`, caller("key", "set-1"));
    database.rows.set(`two${HASH_A}`, caller("key", "set-2"));
    database.rows.set(`other${HASH_A}`, caller("other-key"));
    ["one", "two", "other"].forEach((clientId) => read(clientId));
    cache.forgetKey("key");
    ["one", "two", "other"].forEach((clientId) => read(clientId));

    expect(database.loads).toBe(5);
  });

  it("forgets everything when a write names no key", () => {
    const { database, cache, read } = setup();

    database.rows.set(`client${HASH_A}`, caller("key"));
    read("client");
    read("unknown");
    cache.forgetKey(null);
    read("client");
    read("unknown");

    expect(database.loads).toBe(4);
  });

  it("holds at most its capacity, dropping the least recently used first", () => {
    const { database, read } = setup(2);

    ["a", "b", "c"].forEach((clientId) => database.rows.set(clientId + HASH_A, caller(clientId)));
    read("a");
    read("b");
    read("a");
    read("c");
    expect(database.loads).toBe(3);

    read("a");
    expect(database.loads).toBe(3);

    read("b");
    expect(database.loads).toBe(4);
  });

  it("reads through every time when its capacity is 0", () => {
    const { database, read } = setup(0);

    database.rows.set(`client${HASH_A}`, caller("key"));
    read("client");
    read("client");

    expect(database.loads).toBe(2);
  });

  it("hands out rows that cannot be changed in place", () => {
    const { database, read } = setup();

    database.rows.set(`client${HASH_A}`, caller("key"));

    expect(Object.isFrozen(read("client"))).toBe(true);
  });
});
