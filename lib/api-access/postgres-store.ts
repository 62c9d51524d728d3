import { randomUUID } from "node:crypto";

import type pg from "pg";

import type { AuditRecord } from "../audit";
import { timeOrderedId } from "../ids";
import { pgPool } from "../pg-pool";
import { groupCommit } from "./group-commit";
import type { AccessGrantRow, CallerRow, KeyRow, UsageTouch, VerifyStore } from "./store";

const CALLER_COLUMNS = `
  ts.id AS "tokenSetId", ts."clientSecretHash", ts."revokedAt" AS "tokenSetRevokedAt",
  k.id AS "apiKeyId", k."merchantId", k."keyHash", k."ipAllowlist", k."enhancedSecurity",
  k."revokedAt" AS "keyRevokedAt", k."lastUsedAt" AS "keyLastUsedAt",
  g.id AS "grantId", g."accessExpiresAt", g."refreshExpiresAt", g."rotatedAt",
  g."lastUsedAt" AS "grantLastUsedAt", g."lastClientAddress" AS "grantLastClientAddress"`;

/** Named statements are parsed and planned once per connection, then reused. */
export const POSTGRES_STATEMENTS = {
  callerByAccess: `SELECT ${CALLER_COLUMNS}
    FROM "TokenSet" ts
    JOIN "ApiKey" k ON k.id = ts."apiKeyId"
    LEFT JOIN "TokenGrant" g ON g."accessTokenHash" = $1 AND g."tokenSetId" = ts.id
    WHERE ts."clientId" = $2`,
  callerByRefresh: `SELECT ${CALLER_COLUMNS}
    FROM "TokenSet" ts
    JOIN "ApiKey" k ON k.id = ts."apiKeyId"
    LEFT JOIN "TokenGrant" g ON g."refreshTokenHash" = $1 AND g."tokenSetId" = ts.id
    WHERE ts."clientId" = $2`,
  keyByHash: `SELECT k.id, k.label, k."keyHint", k."webhookFormat", k."ipAllowlist",
      k."enhancedSecurity", k."settingsSavedAt", k."revokedAt", k."lastUsedAt", m.id AS "merchantId",
      m.name AS "merchantName"
    FROM "ApiKey" k JOIN "Merchant" m ON m.id = k."merchantId"
    WHERE k."keyHash" = $1`,
  grantByAccess: `SELECT ts."apiKeyId", g."tokenSetId", ts."revokedAt" AS "tokenSetRevokedAt",
      g."accessExpiresAt", g."rotatedAt"
    FROM "TokenGrant" g JOIN "TokenSet" ts ON ts.id = g."tokenSetId"
    WHERE g."accessTokenHash" = $1`,
  insertAudit: `INSERT INTO "AuditEvent" (id, "createdAt", type, outcome, reason, detail,
      "actorUserId", "merchantId", "apiKeyId", "tokenSetId", "requestId", "clientAddress",
      "userAgent")
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
  recordBatch: `WITH audit AS (
      INSERT INTO "AuditEvent" (id, "createdAt", type, outcome, reason, detail, "actorUserId",
        "merchantId", "apiKeyId", "tokenSetId", "requestId", "clientAddress", "userAgent")
      SELECT * FROM unnest($1::text[], $2::timestamp(3)[], $3::text[], $4::text[], $5::text[],
        $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
        $13::text[])
    ), keys AS (
      UPDATE "ApiKey" SET "lastUsedAt" = ($15::timestamp(3)[])[array_position($14::text[], id)]
      WHERE id = ANY($14::text[])
    ), grants AS (
      UPDATE "TokenGrant"
      SET "lastUsedAt" = ($17::timestamp(3)[])[array_position($16::text[], id)],
        "lastClientAddress" = ($18::text[])[array_position($16::text[], id)]
      WHERE id = ANY($16::text[])
    )
    SELECT 1`,
  touchKey: `UPDATE "ApiKey" SET "lastUsedAt" = $1 WHERE id = $2`,
  claimGrant: `UPDATE "TokenGrant" g SET "rotatedAt" = $1, "lastUsedAt" = $1, "lastClientAddress" = $2
    WHERE g.id = $3 AND g."rotatedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "TokenSet" ts WHERE ts.id = g."tokenSetId" AND ts."revokedAt" IS NULL)`,
  insertGrant: `INSERT INTO "TokenGrant" (id, "tokenSetId", "accessTokenHash", "accessExpiresAt",
      "refreshTokenHash", "refreshExpiresAt", "createdAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  revokeSet: `UPDATE "TokenSet" SET "revokedAt" = $1, "revokedReason" = $2
    WHERE id = $3 AND "revokedAt" IS NULL`,
} as const;

type StatementName = keyof typeof POSTGRES_STATEMENTS;

/** timestamp(3) columns hold UTC wall time: send them without an offset. */
const toTimestamp = (date: Date) => date.toISOString().slice(0, -1);

function run<R extends pg.QueryResultRow>(
  client: pg.Pool | pg.PoolClient,
  name: StatementName,
  values: unknown[],
): Promise<pg.QueryResult<R>> {
  return client.query<R>({ name, text: POSTGRES_STATEMENTS[name], values });
}

function auditValues(audit: AuditRecord, at: Date): unknown[] {
  return [
    timeOrderedId(),
    toTimestamp(at),
    audit.type,
    audit.outcome,
    audit.reason,
    audit.detail,
    audit.actorUserId,
    audit.merchantId,
    audit.apiKeyId,
    audit.tokenSetId,
    audit.requestId,
    audit.clientAddress,
    audit.userAgent,
  ];
}

type Recorded = { audit: AuditRecord; touch?: UsageTouch };

/** The columns of a batch, one array per parameter; each key and grant is touched once. */
function batchValues(items: Recorded[]): unknown[] {
  const audits = items.map(({ audit, touch }) => auditValues(audit, touch?.at ?? new Date()));
  const keys = new Map<string, string>();
  const grants = new Map<string, [string, string | null]>();

  for (const { touch } of items) {
    if (touch?.apiKeyId) {
      keys.set(touch.apiKeyId, toTimestamp(touch.at));
    }

    if (touch?.grantId) {
      grants.set(touch.grantId, [toTimestamp(touch.at), touch.clientAddress]);
    }
  }

  return [
    ...Array.from({ length: 13 }, (_, column) => audits.map((values) => values[column])),
    [...keys.keys()],
    [...keys.values()],
    [...grants.keys()],
    [...grants.values()].map(([at]) => at),
    [...grants.values()].map(([, address]) => address),
  ];
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();

  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");

    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export function createPostgresStore(pool = pgPool()): VerifyStore {
  // One statement is one transaction: the audit rows and last-used marks of a batch commit
  // together, in one round trip.
  const record = groupCommit<Recorded>(async (items) => {
    await run(pool, "recordBatch", batchValues(items));
  });

  return {
    async findCaller(clientId, token) {
      const result =
        "accessTokenHash" in token
          ? await run<CallerRow>(pool, "callerByAccess", [token.accessTokenHash, clientId])
          : await run<CallerRow>(pool, "callerByRefresh", [token.refreshTokenHash, clientId]);

      return result.rows[0] ?? null;
    },
    async findKey(keyHash) {
      return (await run<KeyRow>(pool, "keyByHash", [keyHash])).rows[0] ?? null;
    },
    async findAccessGrant(accessTokenHash) {
      return (await run<AccessGrantRow>(pool, "grantByAccess", [accessTokenHash])).rows[0] ?? null;
    },
    record(audit, touch) {
      return record({ audit, touch });
    },
    async rotate({ grantId, next, audit, touch }) {
      // Row locks make this exact across instances: a second UPDATE of the same grant waits for
      // the first transaction, then re-checks "rotatedAt" IS NULL and matches nothing.
      return inTransaction(pool, async (client) => {
        const at = toTimestamp(touch.at);
        const claimed = await run(client, "claimGrant", [at, touch.clientAddress, grantId]);

        if (claimed.rowCount !== 1) {
          return false;
        }

        await run(client, "insertGrant", [
          randomUUID(),
          next.tokenSetId,
          next.accessTokenHash,
          toTimestamp(next.accessExpiresAt),
          next.refreshTokenHash,
          toTimestamp(next.refreshExpiresAt),
          toTimestamp(next.createdAt),
        ]);
        await run(client, "insertAudit", auditValues(audit, touch.at));
        if (touch.apiKeyId) {
          await run(client, "touchKey", [at, touch.apiKeyId]);
        }

        return true;
      });
    },
    async revokeFamily({ tokenSetId, reason, at, audit }) {
      await inTransaction(pool, async (client) => {
        await run(client, "revokeSet", [toTimestamp(at), reason, tokenSetId]);
        await run(client, "insertAudit", auditValues(audit, at));
      });
    },
    async close() {
      await pool.end();
    },
  };
}
