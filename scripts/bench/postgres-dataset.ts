import { randomBytes } from "node:crypto";

import pg from "pg";

import { POOL_KEYS } from "./credentials";
import { auditHistory, expiredGrants, keyRows, type GrantRow } from "./rows";
import { applyPostgresMigrations } from "../../lib/postgres-migrations";

export const PG_ADMIN_URL =
  process.env.KEYWARD_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Rows per INSERT … SELECT FROM unnest(…): one round trip for each array of this length. */
const BATCH = 10_000;

type Column<T> = [
  type: "text" | "boolean" | "timestamp",
  pick: (row: T) => string | boolean | Date,
];

/** timestamp(3) columns hold UTC wall time: sent without an offset, as the store sends them. */
const sqlValue = (value: string | boolean | Date) =>
  value instanceof Date ? value.toISOString().slice(0, -1) : value;

async function insertRows<T>(
  pool: pg.Pool,
  table: string,
  rows: T[],
  columns: Record<string, Column<T>>,
): Promise<void> {
  const entries = Object.entries(columns);
  const names = entries.map(([name]) => `"${name}"`).join(", ");
  const arrays = entries.map(([, [type]], index) => `$${index + 1}::${type}[]`).join(", ");

  for (let from = 0; from < rows.length; from += BATCH) {
    const slice = rows.slice(from, from + BATCH);

    await pool.query(
      `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`,
      entries.map(([, [, pick]]) => slice.map((row) => sqlValue(pick(row)))),
    );
  }
}

export function insertPostgresGrants(pool: pg.Pool, grants: GrantRow[]): Promise<void> {
  return insertRows(pool, "TokenGrant", grants, {
    id: ["text", (row) => row.id],
    tokenSetId: ["text", (row) => row.tokenSetId],
    accessTokenHash: ["text", (row) => row.accessTokenHash],
    accessExpiresAt: ["timestamp", (row) => row.accessExpiresAt],
    refreshTokenHash: ["text", (row) => row.refreshTokenHash],
    refreshExpiresAt: ["timestamp", (row) => row.refreshExpiresAt],
    createdAt: ["timestamp", (row) => row.createdAt],
  });
}

async function insertKeys(pool: pg.Pool, keyCount: number): Promise<void> {
  const total = keyCount + POOL_KEYS;

  for (let from = 0; from < total; from += BATCH) {
    const rows = keyRows(keyCount, from, Math.min(total, from + BATCH));

    await insertRows(pool, "Merchant", rows.merchants, {
      id: ["text", (row) => row.id],
      name: ["text", (row) => row.name],
      createdAt: ["timestamp", (row) => row.createdAt],
    });
    await insertRows(pool, "ApiKey", rows.keys, {
      id: ["text", (row) => row.id],
      merchantId: ["text", (row) => row.merchantId],
      label: ["text", () => "Checkout server"],
      keyHash: ["text", (row) => row.keyHash],
      keyHint: ["text", (row) => row.keyHint],
      ipAllowlist: ["text", (row) => row.ipAllowlist],
      webhookFormat: ["text", () => "single"],
      enhancedSecurity: ["boolean", (row) => row.enhancedSecurity],
      createdAt: ["timestamp", (row) => row.createdAt],
    });
    await insertRows(pool, "TokenSet", rows.tokenSets, {
      id: ["text", (row) => row.id],
      apiKeyId: ["text", (row) => row.apiKeyId],
      clientId: ["text", (row) => row.clientId],
      clientSecretHash: ["text", (row) => row.clientSecretHash],
      createdAt: ["timestamp", (row) => row.createdAt],
    });
    await insertPostgresGrants(pool, rows.grants);
  }

  await insertPostgresGrants(pool, expiredGrants(keyCount));
  await insertRows(pool, "AuditEvent", auditHistory(keyCount), {
    id: ["text", (row) => row.id],
    createdAt: ["timestamp", (row) => row.createdAt],
    type: ["text", () => "api.authorize"],
    outcome: ["text", () => "success"],
    merchantId: ["text", (row) => row.merchantId],
    apiKeyId: ["text", (row) => row.apiKeyId],
    tokenSetId: ["text", (row) => row.tokenSetId],
    requestId: ["text", (row) => row.requestId],
    clientAddress: ["text", () => "127.0.0.1"],
    userAgent: ["text", () => "bench history"],
  });
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });

  await client.connect();

  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });

  return client.connect().then(
    () => client.end().then(() => true),
    () => false,
  );
}

export type PostgresDatabase = {
  url: string;
  pool: pg.Pool;
  generatedSeconds: number;
  drop: () => Promise<void>;
};

/**
 * A fresh database on the server KEYWARD_PG_ADMIN_URL names, as the integration tests create
 * theirs: migrated by the project's own migrator, filled with the SQLite dataset's rows, then
 * vacuumed and analyzed so the planner knows the tables' sizes.
 */
export async function createPostgresDatabase(keyCount: number): Promise<PostgresDatabase> {
  const startedAt = performance.now();
  const name = `keyward_bench_${randomBytes(6).toString("hex")}`;
  const url = new URL(PG_ADMIN_URL);

  url.pathname = `/${name}`;
  await admin(`CREATE DATABASE ${name}`);

  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  const drop = async () => {
    await pool.end();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };

  try {
    await applyPostgresMigrations(pool);
    await insertKeys(pool, keyCount);
    await pool.query("VACUUM ANALYZE");
  } catch (error) {
    await drop();
    throw error;
  }

  return {
    url: url.toString(),
    pool,
    generatedSeconds: (performance.now() - startedAt) / 1000,
    drop,
  };
}
