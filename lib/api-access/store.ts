import type { AuditRecord } from "../audit";
import { databaseProvider } from "../db-url";
import type { GrantRow } from "../tokens";

/** One credential set with its API key and, when one matched, the presented grant. */
export type CallerRow = {
  tokenSetId: string;
  clientSecretHash: string;
  tokenSetRevokedAt: Date | null;
  apiKeyId: string;
  merchantId: string;
  keyHash: string;
  ipAllowlist: string;
  enhancedSecurity: boolean;
  keyRevokedAt: Date | null;
  grantId: string | null;
  accessExpiresAt: Date | null;
  refreshExpiresAt: Date | null;
  rotatedAt: Date | null;
  keyLastUsedAt: Date | null;
  grantLastUsedAt: Date | null;
  grantLastClientAddress: string | null;
};

export type KeyRow = {
  id: string;
  label: string;
  keyHint: string;
  webhookFormat: string;
  ipAllowlist: string;
  enhancedSecurity: boolean;
  settingsSavedAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  merchantId: string;
  merchantName: string;
};

export type AccessGrantRow = {
  apiKeyId: string;
  tokenSetId: string;
  tokenSetRevokedAt: Date | null;
  accessExpiresAt: Date;
  rotatedAt: Date | null;
};

/** The last-used marks a call rewrites; a mark left out is still fresh (see usage.ts). */
export type UsageTouch = {
  apiKeyId?: string;
  grantId?: string;
  clientAddress: string | null;
  at: Date;
};

/**
 * The public API's data access: indexed lookups through the raw driver's prepared statements,
 * and writes of a few rows per call, without an ORM on the hot path. Prisma keeps the schema,
 * the migrations and the portal.
 */
export type VerifyStore = {
  findCaller(
    clientId: string,
    token: { accessTokenHash: string } | { refreshTokenHash: string },
  ): Promise<CallerRow | null>;
  findKey(keyHash: string): Promise<KeyRow | null>;
  findAccessGrant(accessTokenHash: string): Promise<AccessGrantRow | null>;
  /** Writes the audit row and, on success, any stale last-used marks, in one transaction. */
  record(audit: AuditRecord, touch?: UsageTouch): Promise<void>;
  /** Marks the grant used and inserts its successor; false when another request won. */
  rotate(input: {
    grantId: string;
    next: GrantRow;
    audit: AuditRecord;
    touch: UsageTouch;
  }): Promise<boolean>;
  revokeFamily(input: {
    tokenSetId: string;
    reason: string;
    at: Date;
    audit: AuditRecord;
  }): Promise<void>;
  close(): Promise<void>;
};

let store: Promise<VerifyStore> | undefined;

export function verifyStore(): Promise<VerifyStore> {
  store ??=
    databaseProvider() === "postgresql"
      ? import("./postgres-store").then((module) => module.createPostgresStore())
      : import("./sqlite-store").then((module) => module.createSqliteStore());

  return store;
}
