import { spawnSync } from "node:child_process";

const ENGINE_ENV = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
  PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

/** Runs `prisma migrate diff … --script` offline and returns the SQL it prints. */
export function migrateDiff(args: string[]): string {
  // The SQLite config reads DATABASE_URL as a file path; the PostgreSQL one connects to a
  // server even for a diff between two schema files.
  const isPostgres = args.includes(POSTGRES_CONFIG[1]);
  const env = { ...ENGINE_ENV, DATABASE_URL: isPostgres ? POSTGRES_ADMIN_URL : "" };
  const run = spawnSync(
    process.execPath,
    ["scripts/prisma.mjs", "migrate", "diff", ...args, "--script"],
    { env, encoding: "utf8" },
  );

  if (run.status !== 0) {
    throw new Error(`prisma migrate diff failed:\n${run.stderr}`);
  }

  return run.stdout
    .split("\n")
    .filter((line) => !line.startsWith("Loaded Prisma config"))
    .join("\n")
    .trimStart();
}

export const POSTGRES_ADMIN_URL =
  process.env.KEYWARD_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const POSTGRES_CONFIG = ["--config", "prisma/postgres/prisma.config.ts"];
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";
export const POSTGRES_SNAPSHOT = "prisma/postgres/migrated-schema.prisma";
export const SQLITE_SCHEMA = "prisma/schema.prisma";
/** The models as the migrations last left them; a new migration is the diff from here. */
export const SQLITE_SNAPSHOT = "prisma/migrated-schema.prisma";
export const EMPTY_MIGRATION = "-- This is an empty migration.";
