import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import { applyPostgresMigrations, readMigrations } from "../lib/postgres-migrations";
import {
  migrateDiff,
  POSTGRES_ADMIN_URL,
  POSTGRES_CONFIG,
  POSTGRES_SCHEMA,
  POSTGRES_SNAPSHOT,
  SQLITE_SCHEMA,
  SQLITE_SNAPSHOT,
} from "./prisma-diff";

/**
 * Fails when the models and the migrations of either provider disagree: a model change must
 * come with a migration for SQLite and one for PostgreSQL (npm run db:migration -- <name>).
 * For each provider, the migrations are applied to an empty database, and its catalog must
 * equal that of an empty database given the snapshot schema in one step.
 */

const POSTGRES_CATALOG = [
  `SELECT table_name, column_name, data_type, is_nullable, column_default, datetime_precision
   FROM information_schema.columns
   WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
   ORDER BY table_name, column_name`,
  `SELECT tablename, indexname, indexdef FROM pg_indexes
   WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
  `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
   FROM pg_constraint WHERE connamespace = 'public'::regnamespace
     AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY conname`,
];

const problems: string[] = [];

function folders(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function sqliteCatalog(setup: (database: Database.Database) => void): string {
  const file = path.join(os.tmpdir(), `keyward-check-${randomBytes(6).toString("hex")}.db`);
  const database = new Database(file);

  try {
    setup(database);

    const tables = database
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'
        AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    const byName = <T extends { name: string }>(rows: T[]) =>
      [...rows].sort((a, b) => a.name.localeCompare(b.name));

    return JSON.stringify(
      tables.map((table) => ({
        table,
        columns: byName(database.pragma(`table_info("${table}")`) as { name: string }[]).map(
          (column) => ({ ...column, cid: undefined }),
        ),
        indexes: byName(database.pragma(`index_list("${table}")`) as { name: string }[]).map(
          (index) => ({
            ...index,
            seq: undefined,
            columns: (database.pragma(`index_info("${index.name}")`) as { name: string }[]).map(
              (column) => column.name,
            ),
          }),
        ),
        foreignKeys: database.pragma(`foreign_key_list("${table}")`),
      })),
    );
  } finally {
    database.close();
    fs.rmSync(file, { force: true });
  }
}

function checkSqliteMigrations(): void {
  const fromMigrations = sqliteCatalog((database) => {
    for (const name of folders("prisma/migrations")) {
      database.exec(fs.readFileSync(path.join("prisma/migrations", name, "migration.sql"), "utf8"));
    }
  });
  const fromSnapshot = sqliteCatalog((database) => {
    database.exec(migrateDiff(["--from-empty", "--to-schema-datamodel", SQLITE_SNAPSHOT]));
  });

  if (fromMigrations !== fromSnapshot) {
    problems.push("prisma/migrations do not build the schema in prisma/migrated-schema.prisma.");
  }
}

async function withPostgresDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `keyward_check_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  const url = new URL(POSTGRES_ADMIN_URL);

  url.pathname = `/${name}`;
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);

  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function postgresCatalog(url: string, setup: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });

  await client.connect();

  try {
    await setup(client);

    const results = [];

    for (const query of POSTGRES_CATALOG) {
      results.push((await client.query(query)).rows);
    }

    return JSON.stringify(results);
  } finally {
    await client.end();
  }
}

async function checkPostgresMigrations(): Promise<void> {
  const fromMigrations = await withPostgresDatabase((url) =>
    postgresCatalog(url, async () => {
      const pool = new pg.Pool({ connectionString: url });

      await applyPostgresMigrations(pool).finally(() => pool.end());
    }),
  );
  const fromSnapshot = await withPostgresDatabase((url) =>
    postgresCatalog(url, (client) =>
      client.query(
        migrateDiff([
          ...POSTGRES_CONFIG,
          "--from-empty",
          "--to-schema-datamodel",
          POSTGRES_SNAPSHOT,
        ]),
      ),
    ),
  );

  if (fromMigrations !== fromSnapshot) {
    problems.push(
      "prisma/postgres/migrations do not build the schema in prisma/postgres/migrated-schema.prisma.",
    );
  }
}

async function main() {
  const derived = spawnSync(process.execPath, ["scripts/postgres-schema.mjs", "--check"], {
    encoding: "utf8",
  });

  if (derived.status !== 0) {
    problems.push(derived.stderr.trim());
  }

  const sqliteFolders = folders("prisma/migrations");
  const postgresFolders = readMigrations().map((migration) => migration.name);

  if (sqliteFolders.join() !== postgresFolders.join()) {
    problems.push(`The SQLite and PostgreSQL migration folders differ.`);
  }

  for (const [schema, snapshot] of [
    [SQLITE_SCHEMA, SQLITE_SNAPSHOT],
    [POSTGRES_SCHEMA, POSTGRES_SNAPSHOT],
  ]) {
    if (fs.readFileSync(schema, "utf8") !== fs.readFileSync(snapshot, "utf8")) {
      problems.push(`${schema} has changes that no migration carries.`);
    }
  }

  checkSqliteMigrations();
  await checkPostgresMigrations();

  if (problems.length > 0) {
    console.error("Models and migrations are out of step (fix: npm run db:migration -- <name>):");
    console.error(problems.map((problem) => `- ${problem}`).join("\n"));
    process.exit(1);
  }

  console.log("Models and migrations agree for SQLite and PostgreSQL.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
