import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

import { databaseProvider, sqliteUrl } from "./db-url";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgres/client";
import { pgPool } from "./pg-pool";

/** Both generated clients share the same models; the SQLite one's types stand for both. */
export type Db = PrismaClient;

const holder = globalThis as unknown as { keywardDb?: PrismaClient };

function createClient(): PrismaClient {
  if (databaseProvider() === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg(pgPool()) });

    return client as unknown as PrismaClient;
  }

  // Writers wait for each other instead of failing at once: the portal and the public API
  // share one SQLite file.
  return new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: sqliteUrl(), timeout: 10_000 }),
  });
}

export const db: PrismaClient = holder.keywardDb ?? createClient();

holder.keywardDb = db;
