import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

import { sqliteUrl } from "./db-url";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

const holder = globalThis as unknown as { keywardDb?: PrismaClient };

function createClient(): PrismaClient {
  // Writers wait for each other instead of failing at once: the portal and the public API
  // share one SQLite file.
  const adapter = new PrismaBetterSQLite3({ url: sqliteUrl(), timeout: 10_000 });

  return new PrismaClient({ adapter });
}

export const db: PrismaClient = holder.keywardDb ?? createClient();

holder.keywardDb = db;
