import { describe, expect, it } from "vitest";

import {
  digestsMatch,
  generateApiKey,
  generateClientId,
  generateToken,
  hashSecret,
  secretHint,
} from "./secrets";

const SAMPLES = 2000;

/** Shannon entropy per character over many samples: near log2(alphabet) for uniform output. */
function bitsPerChar(values: string[]): number {
  const counts = new Map<string, number>();
  let total = 0;

  for (const char of values.join("")) {
    counts.set(char, (counts.get(char) ?? 0) + 1);
    total += 1;
  }

  return [...counts.values()].reduce((sum, n) => sum - (n / total) * Math.log2(n / total), 0);
}

describe("secret formats", () => {
  it("API keys are 64 lowercase hex characters, uniformly random and never repeated", () => {
    const keys = Array.from({ length: SAMPLES }, generateApiKey);

    expect(keys.every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
    expect(new Set(keys).size).toBe(SAMPLES);
    expect(bitsPerChar(keys)).toBeGreaterThan(3.99);
  });

  it("client ids are 32 lowercase hex characters", () => {
    const ids = Array.from({ length: SAMPLES }, generateClientId);

    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(SAMPLES);
  });

  it("client secrets and tokens carry 256 random bits in base64url", () => {
    const tokens = Array.from({ length: SAMPLES }, generateToken);

    expect(tokens.every((token) => /^[A-Za-z0-9_-]{43}$/.test(token))).toBe(true);
    expect(Buffer.from(tokens[0] ?? "", "base64url")).toHaveLength(32);
    expect(bitsPerChar(tokens)).toBeGreaterThan(5.95);
  });
});

describe("hashing and comparison", () => {
  it("stores a SHA-256 hex digest, not the value", () => {
    const key = generateApiKey();
    const digest = hashSecret(key);

    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).not.toContain(key);
    expect(hashSecret(key)).toBe(digest);
  });

  it("matches equal digests and rejects different or malformed ones", () => {
    const digest = hashSecret("a");

    expect(digestsMatch(digest, hashSecret("a"))).toBe(true);
    expect(digestsMatch(digest, hashSecret("b"))).toBe(false);
    expect(digestsMatch(digest, "abc")).toBe(false);
  });

  it("hints show only the first and last four characters", () => {
    expect(secretHint("1fa7c6470f54e14f948d0d830a775c3efb328bef5f6a464869fca627ca979818")).toBe(
      "1fa7…9818",
    );
  });
});
