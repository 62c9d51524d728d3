import fs from "node:fs";
import path from "node:path";

import {
  EMPTY_MIGRATION,
  migrateDiff,
  POSTGRES_CONFIG,
  POSTGRES_SCHEMA,
  POSTGRES_SNAPSHOT,
  SQLITE_SCHEMA,
  SQLITE_SNAPSHOT,
} from "./prisma-diff";

/**
 * Writes one migration for each provider from the change to prisma/schema.prisma:
 * each is the diff from the schema the migrations last reached (the snapshot) to the current one.
 */
const name = process.argv[2];

if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
const sqlite = migrateDiff([
  "--from-schema-datamodel",
  SQLITE_SNAPSHOT,
  "--to-schema-datamodel",
  SQLITE_SCHEMA,
]);
const postgres = migrateDiff([
  ...POSTGRES_CONFIG,
  "--from-schema-datamodel",
  POSTGRES_SNAPSHOT,
  "--to-schema-datamodel",
  POSTGRES_SCHEMA,
]);

if (sqlite.startsWith(EMPTY_MIGRATION) && postgres.startsWith(EMPTY_MIGRATION)) {
  console.log("The schema has no change to migrate.");
  process.exit(0);
}

for (const [dir, sql] of [
  ["prisma/migrations", sqlite],
  ["prisma/postgres/migrations", postgres],
] as const) {
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  fs.writeFileSync(path.join(dir, folder, "migration.sql"), sql);
  console.log(`Wrote ${path.join(dir, folder, "migration.sql")}`);
}

fs.copyFileSync(SQLITE_SCHEMA, SQLITE_SNAPSHOT);
fs.copyFileSync(POSTGRES_SCHEMA, POSTGRES_SNAPSHOT);
