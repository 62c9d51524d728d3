import { spawnSync } from "node:child_process";

import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

/** Applies pending migrations to whichever database DATABASE_URL names. */
async function main() {
  const { databaseProvider } = await import("../lib/db-url");

  if (databaseProvider() === "sqlite") {
    const run = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
      stdio: "inherit",
    });

    process.exit(run.status ?? 1);
  }

  const { pgPool } = await import("../lib/pg-pool");
  const { applyPostgresMigrations } = await import("../lib/postgres-migrations");
  const pool = pgPool();
  const result = await applyPostgresMigrations(pool).finally(() => pool.end());

  for (const name of result.applied) {
    console.log(`Applied ${name}`);
  }

  console.log(
    result.applied.length === 0
      ? `PostgreSQL is up to date (${result.alreadyApplied.length} migrations).`
      : `Applied ${result.applied.length} migration(s) to PostgreSQL.`,
  );
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
