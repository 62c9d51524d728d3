import { randomUUID } from "node:crypto";

import Database from "better-sqlite3";

import type { AuditRecord } from "../audit";
import { sqliteUrl } from "../db-url";
import { env } from "../env";
import { timeOrderedId } from "../ids";
import type { GrantRow } from "../tokens";
import { createCallerCache } from "./caller-cache";
import { groupCommit } from "./group-commit";
import type { AccessGrantRow, CallerRow, KeyRow, UsageTouch, VerifyStore } from "./store";

/** Prisma's SQLite adapter writes DateTime as ISO text with an explicit offset; match it. */
const toText = (date: Date) => date.toISOString().replace("Z", "+00:00");
const toDate = (text: string | null) => (text === null ? null : new Date(text));

/**
 * Every API call commits a few pages, so SQLite's default checkpoint (each 1,000 WAL pages, with
 * an fsync) came several times a second under load; each stalls the event loop. 4,000 pages
 * (16 MB of WAL) checkpoints a quarter as often and writes each hot page back once per round.
 */
const CHECKPOINT_PAGES = 4_000;

/**
 * A 64 MB page cache for the verification connection (SQLite's default is 2 MB). At a million
 * keys the lookups' B-tree pages no longer fit the default and come from the OS by system call:
 * `npm run bench:lookups` measured 30 µs a lookup with the default, 20 µs with this, 6 µs at 1 k.
 */
export const VERIFY_CACHE_PRAGMA = "cache_size = -65536";

type RawCaller = Omit<
  CallerRow,
  | "tokenSetRevokedAt"
  | "keyRevokedAt"
  | "accessExpiresAt"
  | "refreshExpiresAt"
  | "rotatedAt"
  | "enhancedSecurity"
  | "keyLastUsedAt"
  | "grantLastUsedAt"
> & {
  tokenSetRevokedAt: string | null;
  keyRevokedAt: string | null;
  accessExpiresAt: string | null;
  refreshExpiresAt: string | null;
  rotatedAt: string | null;
  enhancedSecurity: number;
  keyLastUsedAt: string | null;
  grantLastUsedAt: string | null;
};

type RawKey = Omit<KeyRow, "enhancedSecurity" | "settingsSavedAt" | "revokedAt" | "lastUsedAt"> & {
  enhancedSecurity: number;
  settingsSavedAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

const CALLER_COLUMNS = `
  ts.id AS tokenSetId, ts.clientSecretHash, ts.revokedAt AS tokenSetRevokedAt,
  k.id AS apiKeyId, k.merchantId, k.keyHash, k.ipAllowlist, k.enhancedSecurity,
  k.revokedAt AS keyRevokedAt, k.lastUsedAt AS keyLastUsedAt,
  g.id AS grantId, g.accessExpiresAt, g.refreshExpiresAt, g.rotatedAt,
  g.lastUsedAt AS grantLastUsedAt, g.lastClientAddress AS grantLastClientAddress`;

/** The statements of the verification path, exported so the benchmark can check their plans. */
export const SQLITE_STATEMENTS = {
  callerByAccess: `
    SELECT ${CALLER_COLUMNS}
    FROM TokenSet ts
    JOIN ApiKey k ON k.id = ts.apiKeyId
    LEFT JOIN TokenGrant g ON g.accessTokenHash = ? AND g.tokenSetId = ts.id
    WHERE ts.clientId = ?`,
  callerByRefresh: `
    SELECT ${CALLER_COLUMNS}
    FROM TokenSet ts
    JOIN ApiKey k ON k.id = ts.apiKeyId
    LEFT JOIN TokenGrant g ON g.refreshTokenHash = ? AND g.tokenSetId = ts.id
    WHERE ts.clientId = ?`,
  keyByHash: `
    SELECT k.id, k.label, k.keyHint, k.webhookFormat, k.ipAllowlist, k.enhancedSecurity,
      k.settingsSavedAt, k.revokedAt, k.lastUsedAt, m.id AS merchantId, m.name AS merchantName
    FROM ApiKey k JOIN Merchant m ON m.id = k.merchantId
    WHERE k.keyHash = ?`,
  grantByAccess: `
    SELECT ts.apiKeyId, g.tokenSetId, ts.revokedAt AS tokenSetRevokedAt, g.accessExpiresAt,
      g.rotatedAt
    FROM TokenGrant g JOIN TokenSet ts ON ts.id = g.tokenSetId
    WHERE g.accessTokenHash = ?`,
  insertAudit: `
    INSERT INTO AuditEvent (id, createdAt, type, outcome, reason, detail, actorUserId, merchantId,
      apiKeyId, tokenSetId, requestId, clientAddress, userAgent)
    VALUES (@id, @createdAt, @type, @outcome, @reason, @detail, @actorUserId, @merchantId,
      @apiKeyId, @tokenSetId, @requestId, @clientAddress, @userAgent)`,
  touchKey: `UPDATE ApiKey SET lastUsedAt = ? WHERE id = ?`,
  touchGrant: `UPDATE TokenGrant SET lastUsedAt = ?, lastClientAddress = ? WHERE id = ?`,
  claimGrant: `
    UPDATE TokenGrant SET rotatedAt = @at, lastUsedAt = @at, lastClientAddress = @address
    WHERE id = @id AND rotatedAt IS NULL
      AND EXISTS (SELECT 1 FROM TokenSet ts WHERE ts.id = TokenGrant.tokenSetId AND ts.revokedAt IS NULL)`,
  insertGrant: `
    INSERT INTO TokenGrant (id, tokenSetId, accessTokenHash, accessExpiresAt, refreshTokenHash,
      refreshExpiresAt, createdAt)
    VALUES (@id, @tokenSetId, @accessTokenHash, @accessExpiresAt, @refreshTokenHash,
      @refreshExpiresAt, @createdAt)`,
  revokeSet: `UPDATE TokenSet SET revokedAt = ?, revokedReason = ? WHERE id = ? AND revokedAt IS NULL`,
} as const;

function toCaller(raw: RawCaller | undefined): CallerRow | null {
  if (!raw) {
    return null;
  }

  return {
    ...raw,
    enhancedSecurity: raw.enhancedSecurity === 1,
    tokenSetRevokedAt: toDate(raw.tokenSetRevokedAt),
    keyRevokedAt: toDate(raw.keyRevokedAt),
    accessExpiresAt: toDate(raw.accessExpiresAt),
    refreshExpiresAt: toDate(raw.refreshExpiresAt),
    rotatedAt: toDate(raw.rotatedAt),
    keyLastUsedAt: toDate(raw.keyLastUsedAt),
    grantLastUsedAt: toDate(raw.grantLastUsedAt),
  };
}

export function openSqlite(file = sqliteUrl()): Database.Database {
  const connection = new Database(file, { timeout: 10_000 });

  // WAL lets readers run beside the one writer; NORMAL skips the fsync per commit, which WAL
  // makes safe against process crashes (a power cut may lose the last few audit rows).
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  connection.pragma("foreign_keys = ON");

  return connection;
}

function openVerifyConnection(file = sqliteUrl()): Database.Database {
  const connection = openSqlite(file);

  connection.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
  connection.pragma(VERIFY_CACHE_PRAGMA);

  return connection;
}

export function createSqliteStore(connection = openVerifyConnection()): VerifyStore {
  const callerByAccess = connection.prepare<[string, string], RawCaller>(
    SQLITE_STATEMENTS.callerByAccess,
  );
  const callerByRefresh = connection.prepare<[string, string], RawCaller>(
    SQLITE_STATEMENTS.callerByRefresh,
  );
  const keyByHash = connection.prepare<[string], RawKey>(SQLITE_STATEMENTS.keyByHash);
  const grantByAccess = connection.prepare<
    [string],
    {
      apiKeyId: string;
      tokenSetId: string;
      tokenSetRevokedAt: string | null;
      accessExpiresAt: string;
      rotatedAt: string | null;
    }
  >(SQLITE_STATEMENTS.grantByAccess);
  const insertAudit = connection.prepare(SQLITE_STATEMENTS.insertAudit);
  const touchKey = connection.prepare(SQLITE_STATEMENTS.touchKey);
  const touchGrant = connection.prepare(SQLITE_STATEMENTS.touchGrant);
  const claimGrant = connection.prepare(SQLITE_STATEMENTS.claimGrant);
  const insertGrant = connection.prepare(SQLITE_STATEMENTS.insertGrant);
  const revokeSet = connection.prepare(SQLITE_STATEMENTS.revokeSet);
  // data_version moves whenever another connection, in this process or any other, commits to
  // the file, and never for this connection's own commits. So each transaction below that changes
  // a key's, token set's or grant's row also forgets the key its audit row names.
  const dataVersion = connection.prepare<[], number>("PRAGMA data_version").pluck();
  const callers = createCallerCache(env().VERIFY_CACHE_ENTRIES, () => dataVersion.get() ?? 0);

  const writeAudit = (audit: AuditRecord, at: Date) =>
    insertAudit.run({ ...audit, id: timeOrderedId(), createdAt: toText(at) });
  const touch = (usage: UsageTouch) => {
    if (usage.apiKeyId) {
      touchKey.run(toText(usage.at), usage.apiKeyId);
    }

    if (usage.grantId) {
      touchGrant.run(toText(usage.at), usage.clientAddress, usage.grantId);
    }
  };

  const record = groupCommit<{ audit: AuditRecord; usage?: UsageTouch }>(
    connection.transaction((items: { audit: AuditRecord; usage?: UsageTouch }[]) => {
      for (const { audit, usage } of items) {
        writeAudit(audit, usage?.at ?? new Date());

        if (usage) {
          touch(usage);
          callers.forgetKey(audit.apiKeyId);
        }
      }
    }),
  );
  const rotate = connection.transaction(
    (grantId: string, next: GrantRow, audit: AuditRecord, usage: UsageTouch) => {
      const at = toText(usage.at);

      if (claimGrant.run({ id: grantId, at, address: usage.clientAddress }).changes !== 1) {
        return false;
      }

      insertGrant.run({
        id: randomUUID(),
        tokenSetId: next.tokenSetId,
        accessTokenHash: next.accessTokenHash,
        refreshTokenHash: next.refreshTokenHash,
        accessExpiresAt: toText(next.accessExpiresAt),
        refreshExpiresAt: toText(next.refreshExpiresAt),
        createdAt: toText(next.createdAt),
      });
      writeAudit(audit, usage.at);
      touch({ apiKeyId: usage.apiKeyId, clientAddress: usage.clientAddress, at: usage.at });
      callers.forgetKey(audit.apiKeyId);

      return true;
    },
  );
  const revokeFamily = connection.transaction(
    (tokenSetId: string, reason: string, at: Date, audit: AuditRecord) => {
      revokeSet.run(toText(at), reason, tokenSetId);
      writeAudit(audit, at);
      callers.forgetKey(audit.apiKeyId);
    },
  );

  return {
    async findCaller(clientId, token) {
      if ("accessTokenHash" in token) {
        const { accessTokenHash } = token;

        return callers.read(clientId, accessTokenHash, () =>
          toCaller(callerByAccess.get(accessTokenHash, clientId)),
        );
      }

      return toCaller(callerByRefresh.get(token.refreshTokenHash, clientId));
    },
    async findKey(keyHash) {
      const raw = keyByHash.get(keyHash);

      return raw
        ? {
            ...raw,
            enhancedSecurity: raw.enhancedSecurity === 1,
            settingsSavedAt: toDate(raw.settingsSavedAt),
            revokedAt: toDate(raw.revokedAt),
            lastUsedAt: toDate(raw.lastUsedAt),
          }
        : null;
    },
    async findAccessGrant(accessTokenHash): Promise<AccessGrantRow | null> {
      const raw = grantByAccess.get(accessTokenHash);

      return raw
        ? {
            apiKeyId: raw.apiKeyId,
            tokenSetId: raw.tokenSetId,
            tokenSetRevokedAt: toDate(raw.tokenSetRevokedAt),
            accessExpiresAt: new Date(raw.accessExpiresAt),
            rotatedAt: toDate(raw.rotatedAt),
          }
        : null;
    },
    record(audit, usage) {
      return record({ audit, usage });
    },
    async rotate(input) {
      // IMMEDIATE takes the write lock up front, so two processes on one file cannot both read
      // the grant as unused and then collide on the upgrade to a write.
      return rotate.immediate(input.grantId, input.next, input.audit, input.touch);
    },
    async revokeFamily(input) {
      revokeFamily.immediate(input.tokenSetId, input.reason, input.at, input.audit);
    },
    async close() {
      connection.close();
    },
  };
}
