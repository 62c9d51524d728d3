import { createHash } from "node:crypto";

import Database from "better-sqlite3";
import pg from "pg";

import { environment } from "./environment";

export type SqlValue = string | number | boolean | Date | null;

type Connection = {
  query: (sql: string, params: SqlValue[]) => Promise<object[]>;
  execute: (sql: string, params: SqlValue[]) => Promise<number>;
  tables: () => Promise<string[]>;
};

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
const INT8 = 20;

/** Prisma's SQLite adapter writes DateTime as ISO text with an explicit offset, 0/1 for booleans. */
function sqliteValue(value: SqlValue): string | number | null {
  if (value instanceof Date) {
    return value.toISOString().replace("Z", "+00:00");
  }

  return typeof value === "boolean" ? Number(value) : value;
}

function openSqlite(file: string): Connection {
  const handle = new Database(file, { fileMustExist: true, timeout: 10_000 });

  return {
    query: async (sql, params) => handle.prepare(sql).all(params.map(sqliteValue)) as object[],
    execute: async (sql, params) => handle.prepare(sql).run(params.map(sqliteValue)).changes,
    tables: async () =>
      handle
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[],
  };
}

/** timestamp(3) columns hold UTC wall time: sent without an offset, read back as UTC. */
function postgresValue(value: SqlValue): SqlValue {
  return value instanceof Date ? value.toISOString().slice(0, -1) : value;
}

function postgresTypes(oid: number, format?: string) {
  if (oid === TIMESTAMP_WITHOUT_TIME_ZONE) {
    return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
  }

  // COUNT(*) is a bigint; test counts fit a number, as they do on SQLite.
  return oid === INT8 ? Number : pg.types.getTypeParser(oid, format as "text");
}

function numbered(sql: string): string {
  let index = 0;

  return sql.replace(/\?/g, () => `$${(index += 1)}`);
}

function openPostgres(url: string): Connection {
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    allowExitOnIdle: true,
    types: { getTypeParser: postgresTypes as typeof pg.types.getTypeParser },
  });

  return {
    query: async (sql, params) =>
      (await pool.query<object>(numbered(sql), params.map(postgresValue))).rows,
    execute: async (sql, params) =>
      (await pool.query(numbered(sql), params.map(postgresValue))).rowCount ?? 0,
    tables: async () =>
      (
        await pool.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
        )
      ).rows.map((row) => row.name),
  };
}

let connection: Connection | undefined;

/**
 * A direct connection to the servers' database, for reading what they stored and for time
 * travel. Write SQL that both providers accept: double-quoted identifiers, `?` placeholders.
 */
function database(): Connection {
  const { provider, url } = environment().database;

  connection ??=
    provider === "postgresql" ? openPostgres(url) : openSqlite(url.replace(/^file:/, ""));

  return connection;
}

export async function query<T extends object>(sql: string, params: SqlValue[] = []): Promise<T[]> {
  return (await database().query(sql, params)) as T[];
}

/** Runs a write and returns how many rows it changed. */
export function execute(sql: string, params: SqlValue[] = []): Promise<number> {
  return database().execute(sql, params);
}

export function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

type GrantColumn = "accessExpiresAt" | "rotatedAt" | "refreshExpiresAt" | "lastUsedAt";
type GrantMatch = { accessToken: string } | { refreshToken: string };

function grantWhere(match: GrantMatch): { sql: string; value: string } {
  return "accessToken" in match
    ? { sql: `"accessTokenHash" = ?`, value: sha256(match.accessToken) }
    : { sql: `"refreshTokenHash" = ?`, value: sha256(match.refreshToken) };
}

/** Moves one of a grant's instants to the given date, so no test waits for time to pass. */
export async function setGrantTime(match: GrantMatch, column: GrantColumn, date: Date) {
  const where = grantWhere(match);
  const changed = await execute(`UPDATE "TokenGrant" SET "${column}" = ? WHERE ${where.sql}`, [
    date,
    where.value,
  ]);

  if (changed !== 1) {
    throw new Error(`Time travel changed ${changed} rows instead of 1.`);
  }
}

export type GrantTimes = { createdAt: Date; accessExpiresAt: Date; refreshExpiresAt: Date };

type StoredDate = string | number | Date;

export async function readGrantTimes(accessToken: string): Promise<GrantTimes> {
  const [row] = await query<Record<keyof GrantTimes, StoredDate>>(
    `SELECT "createdAt", "accessExpiresAt", "refreshExpiresAt" FROM "TokenGrant"
      WHERE "accessTokenHash" = ?`,
    [sha256(accessToken)],
  );

  if (!row) {
    throw new Error("No grant for that access token.");
  }

  return {
    createdAt: new Date(row.createdAt),
    accessExpiresAt: new Date(row.accessExpiresAt),
    refreshExpiresAt: new Date(row.refreshExpiresAt),
  };
}

/** Every text value of every table, for scans that prove a secret was never stored. */
export async function allStoredText(): Promise<string> {
  const rows: object[] = [];

  for (const table of await database().tables()) {
    rows.push(...(await query(`SELECT * FROM "${table}"`)));
  }

  return rows.map((row) => JSON.stringify(row)).join("\n");
}
