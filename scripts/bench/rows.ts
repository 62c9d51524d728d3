import {
  ALLOWS_LOCALHOST,
  BLOCKS_LOCALHOST,
  credentialsOf,
  expiredAccessToken,
  FAR_FUTURE,
  LONG_AGO,
  sampleLayout,
  storedHashes,
} from "./credentials";
import { v7 } from "uuid";

import { hashSecret } from "../../lib/secrets";

const KEYS_PER_MERCHANT = 100;
const CREATED_AT = new Date("2026-01-01T00:00:00.000Z");

/** Calls each sample key made before the run: two or more leaf pages of each audit index. */
const AUDIT_HISTORY_PER_KEY = 100;
const HISTORY_START = Date.parse("2026-11-01T00:00:00.000Z");

/** Fixed-width ids, as long as the cuids Prisma would write. */
export const rowId = (kind: string, index: number) =>
  `${kind}${index.toString(36).padStart(24, "0")}`;

export type MerchantRow = { id: string; name: string; createdAt: Date };

export type KeyRow = {
  id: string;
  merchantId: string;
  keyHash: string;
  keyHint: string;
  ipAllowlist: string;
  enhancedSecurity: boolean;
  createdAt: Date;
};

export type TokenSetRow = {
  id: string;
  apiKeyId: string;
  clientId: string;
  clientSecretHash: string;
  createdAt: Date;
};

export type GrantRow = {
  id: string;
  tokenSetId: string;
  accessTokenHash: string;
  accessExpiresAt: Date;
  refreshTokenHash: string;
  refreshExpiresAt: Date;
  createdAt: Date;
};

export type KeyRows = {
  merchants: MerchantRow[];
  keys: KeyRow[];
  tokenSets: TokenSetRow[];
  grants: GrantRow[];
};

/** Sample keys: odd ones admit 127.0.0.1, and the key after each is blocked; the rest have none. */
function allowlistOf(keyCount: number): (index: number) => string {
  const layout = sampleLayout(keyCount);
  const samples = Array.from({ length: layout.size }, (_, sample) => sample);
  const blocked = new Set(samples.map(layout.blockedIndex));
  const allowing = new Set(samples.filter((s) => s % 2 === 1).map(layout.validIndex));

  return (index) =>
    blocked.has(index) ? BLOCKS_LOCALHOST : allowing.has(index) ? ALLOWS_LOCALHOST : "[]";
}

/**
 * Keys `from` to `to` of a dataset of `keyCount` measured keys (pool keys come after them), each
 * with its merchant (one per 100 keys), one token set and one live grant.
 */
export function keyRows(keyCount: number, from: number, to: number): KeyRows {
  const allowlist = allowlistOf(keyCount);
  const rows: KeyRows = { merchants: [], keys: [], tokenSets: [], grants: [] };

  for (let index = from; index < to; index += 1) {
    const credentials = credentialsOf(index);
    const hashes = storedHashes(credentials);

    if (index % KEYS_PER_MERCHANT === 0) {
      rows.merchants.push({
        id: rowId("m", index),
        name: `Bench merchant ${index}`,
        createdAt: CREATED_AT,
      });
    }

    rows.keys.push({
      id: rowId("k", index),
      merchantId: rowId("m", index - (index % KEYS_PER_MERCHANT)),
      keyHash: hashes.keyHash,
      keyHint: `${credentials.apiKey.slice(0, 4)}…${credentials.apiKey.slice(-4)}`,
      ipAllowlist: allowlist(index),
      enhancedSecurity: index % 2 === 1,
      createdAt: CREATED_AT,
    });
    rows.tokenSets.push({
      id: rowId("s", index),
      apiKeyId: rowId("k", index),
      clientId: credentials.clientId,
      clientSecretHash: hashes.clientSecretHash,
      createdAt: CREATED_AT,
    });
    rows.grants.push({
      id: rowId("g", index),
      tokenSetId: rowId("s", index),
      accessTokenHash: hashes.accessTokenHash,
      accessExpiresAt: FAR_FUTURE,
      refreshTokenHash: hashes.refreshTokenHash,
      refreshExpiresAt: FAR_FUTURE,
      createdAt: CREATED_AT,
    });
  }

  return rows;
}

/** A second grant for each valid key of the sample, expired in 2020. */
export function expiredGrants(keyCount: number): GrantRow[] {
  const layout = sampleLayout(keyCount);

  return Array.from({ length: layout.size }, (_, sample) => ({
    id: rowId("x", sample),
    tokenSetId: rowId("s", layout.validIndex(sample)),
    accessTokenHash: hashSecret(expiredAccessToken(sample)),
    accessExpiresAt: LONG_AGO,
    refreshTokenHash: hashSecret(`expired-refresh-${sample}`),
    refreshExpiresAt: LONG_AGO,
    createdAt: CREATED_AT,
  }));
}

export type AuditHistoryRow = {
  id: string;
  createdAt: Date;
  merchantId: string;
  apiKeyId: string;
  tokenSetId: string;
  requestId: string;
};

/**
 * Past authorize calls of every sample key (valid and blocked), in time order, as a running
 * deployment has them. Without them the audit indexes start empty, every key's rows share a few
 * leaf pages, and the writes get dearer as the run fills them: the first rounds would be faster
 * than the last, more so the more keys the sample has.
 */
export function auditHistory(keyCount: number): AuditHistoryRow[] {
  const layout = sampleLayout(keyCount);
  const indexes = Array.from({ length: layout.size }, (_, sample) => [
    layout.validIndex(sample),
    layout.blockedIndex(sample),
  ]).flat();

  return Array.from({ length: AUDIT_HISTORY_PER_KEY }, (_, round) =>
    indexes.map((index, position) => {
      const msecs = HISTORY_START + round * indexes.length + position;

      return {
        id: v7({ msecs }),
        createdAt: new Date(msecs),
        merchantId: rowId("m", index - (index % KEYS_PER_MERCHANT)),
        apiKeyId: rowId("k", index),
        tokenSetId: rowId("s", index),
        requestId: v7({ msecs }),
      };
    }),
  ).flat();
}
