import { randomUUID } from "node:crypto";

import type pg from "pg";

import type { AuditRecord } from "../audit";
import { pgPool } from "../pg-pool";
import type { AccessGrantRow, CallerRow, KeyRow, VerifyStore } from "./store";

const CALLER_COLUMNS = `
  ts.id AS "tokenSetId", ts."clientSecretHash", ts."revokedAt" AS "tokenSetRevokedAt",
  k.id AS "apiKeyId", k."merchantId", k."keyHash", k."ipAllowlist", k."enhancedSecurity",
  k."revokedAt" AS "keyRevokedAt",
  g.id AS "grantId", g."accessExpiresAt", g."refreshExpiresAt", g."rotatedAt"`;

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
      k."enhancedSecurity", k."revokedAt", m.id AS "merchantId", m.name AS "merchantName"
    FROM "ApiKey" k JOIN "Merchant" m ON m.id = k."merchantId"
    WHERE k."keyHash" = $1`,
  grantByAccess: `SELECT ts."apiKeyId", ts."revokedAt" AS "tokenSetRevokedAt",
      g."accessExpiresAt", g."rotatedAt"
    FROM "TokenGrant" g JOIN "TokenSet" ts ON ts.id = g."tokenSetId"
    WHERE g."accessTokenHash" = $1`,
  insertAudit: `INSERT INTO "AuditEvent" (id, "createdAt", type, outcome, reason, detail,
      "actorUserId", "merchantId", "apiKeyId", "tokenSetId", "requestId", "clientAddress",
      "userAgent")
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
  touchKey: `UPDATE "ApiKey" SET "lastUsedAt" = $1 WHERE id = $2`,
  touchGrant: `UPDATE "TokenGrant" SET "lastUsedAt" = $1, "lastClientAddress" = $2 WHERE id = $3`,
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
    randomUUID(),
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
    async record(audit, touch) {
      if (!touch) {
        await run(pool, "insertAudit", auditValues(audit, new Date()));

        return;
      }

      await inTransaction(pool, async (client) => {
        await run(client, "insertAudit", auditValues(audit, touch.at));
        await run(client, "touchKey", [toTimestamp(touch.at), touch.apiKeyId]);

        if (touch.grantId) {
          await run(client, "touchGrant", [
            toTimestamp(touch.at),
            touch.clientAddress,
            touch.grantId,
          ]);
        }
      });
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
        await run(client, "touchKey", [at, touch.apiKeyId]);

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
