import { createHash } from "node:crypto";

import { hashSecret } from "../../lib/secrets";

/** Bumped whenever the generated data changes shape, so cached files are rebuilt. */
export const DATASET_VERSION = 2;

/** Keys of the refresh pool sit after the N measured keys and are never used by authorize. */
export const POOL_KEYS = 100;

const FAR_FUTURE = new Date("2099-01-01T00:00:00.000Z");
const LONG_AGO = new Date("2020-01-01T00:00:00.000Z");

export { FAR_FUTURE, LONG_AGO };

function derive(kind: string, index: number): Buffer {
  return createHash("sha256").update(`keyward-bench:${kind}:${index}`).digest();
}

/** Every plaintext is derived from its index, so the load generator can rebuild any of them. */
export function credentialsOf(index: number) {
  return {
    apiKey: derive("key", index).toString("hex"),
    clientId: derive("client", index).toString("hex").slice(0, 32),
    clientSecret: derive("secret", index).toString("base64url"),
    accessToken: derive("access", index).toString("base64url"),
    refreshToken: derive("refresh", index).toString("base64url"),
  };
}

export type Credentials = ReturnType<typeof credentialsOf>;

export const expiredAccessToken = (sample: number) =>
  derive("expired", sample).toString("base64url");

/** Refresh tokens of pool grants; `batch` keeps every run's slice distinct. */
export const poolRefreshToken = (batch: number, index: number) =>
  derive(`pool-refresh-${batch}`, index).toString("base64url");
export const poolAccessToken = (batch: number, index: number) =>
  derive(`pool-access-${batch}`, index).toString("base64url");

export const wrongSecret = (index: number) => derive("wrong", index).toString("base64url");

/** The measured keys: spread evenly over the whole table, so lookups land all over its indexes. */
export function sampleLayout(keyCount: number) {
  const size = Math.min(2000, Math.floor(keyCount / 10));
  const stride = Math.floor(keyCount / size);

  return {
    size,
    /** A valid key of the sample; an odd sample has an allowlist that admits 127.0.0.1. */
    validIndex: (sample: number) => sample * stride,
    /** The key right after it is restricted to an address range the benchmark never uses. */
    blockedIndex: (sample: number) => sample * stride + 1,
  };
}

export const ALLOWS_LOCALHOST = JSON.stringify(["10.0.0.0/8", "127.0.0.1"]);
export const BLOCKS_LOCALHOST = JSON.stringify(["203.0.113.0/24"]);

export function storedHashes(credentials: Credentials) {
  return {
    keyHash: hashSecret(credentials.apiKey),
    clientSecretHash: hashSecret(credentials.clientSecret),
    accessTokenHash: hashSecret(credentials.accessToken),
    refreshTokenHash: hashSecret(credentials.refreshToken),
  };
}
