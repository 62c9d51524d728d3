import fs from "node:fs";

import pg from "pg";

import { databaseUrl } from "./db-url";
import { env } from "./env";

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

function tlsOptions(): pg.PoolConfig["ssl"] {
  const { DATABASE_SSL, DATABASE_SSL_CA } = env();

  if (DATABASE_SSL === "disable") {
    return undefined;
  }

  const ca = DATABASE_SSL_CA ? fs.readFileSync(DATABASE_SSL_CA, "utf8") : undefined;

  return DATABASE_SSL === "verify-full"
    ? { rejectUnauthorized: true, ca }
    : { rejectUnauthorized: false };
}

const holder = globalThis as unknown as { keywardPgPool?: pg.Pool };

/** One pool per process, shared by Prisma's adapter and the public API's prepared statements. */
export function pgPool(): pg.Pool {
  holder.keywardPgPool ??= new pg.Pool({
    connectionString: databaseUrl(),
    max: env().DATABASE_POOL_MAX,
    statement_timeout: env().DATABASE_STATEMENT_TIMEOUT_MS,
    // The server enforces statement_timeout only while it answers. A server that stops
    // answering (a dead host, a half-open connection) is cut off here, on the client side.
    connectionTimeoutMillis: env().DATABASE_STATEMENT_TIMEOUT_MS,
    query_timeout: env().DATABASE_STATEMENT_TIMEOUT_MS + 1000,
    ssl: tlsOptions(),
    // Prisma stores DateTime as timestamp(3) in UTC; read it back as UTC, not local time.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === TIMESTAMP_WITHOUT_TIME_ZONE
          ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });

  return holder.keywardPgPool;
}
