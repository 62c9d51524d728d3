import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 bytes from the CSPRNG as 64 lowercase hex characters. */
export function generateApiKey(): string {
  return randomBytes(32).toString("hex");
}

/** 16 bytes as 32 lowercase hex characters; uniqueness is also a database constraint. */
export function generateClientId(): string {
  return randomBytes(16).toString("hex");
}

/** 256 random bits, base64url: client secrets, access and refresh tokens. */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Every stored secret is a SHA-256 digest. The inputs carry 256 random bits, so a fast hash is
 * enough: there is nothing to brute-force, and the verification path stays cheap.
 */
export function hashSecret(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/** Compares two hex digests in constant time. */
export function digestsMatch(expectedHex: string, actualHex: string): boolean {
  const expected = Buffer.from(expectedHex, "hex");
  const actual = Buffer.from(actualHex, "hex");

  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function secretHint(value: string): string {
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}
