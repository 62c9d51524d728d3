import Database from "better-sqlite3";
import type pg from "pg";

import { POSTGRES_STATEMENTS } from "../../lib/api-access/postgres-store";
import { SQLITE_STATEMENTS } from "../../lib/api-access/sqlite-store";

export type StatementPlan = { name: string; steps: string[]; isFullScan: boolean };

/** Smaller tables fit in a few pages, and PostgreSQL rightly reads them whole. */
const BIG_TABLE_ROWS = 1000;

/** Binds every parameter to null: a plan depends on the statement, not on the values. */
function nullParameters(sql: string): unknown[] {
  const named = [...sql.matchAll(/@(\w+)/g)].map((match) => match[1] as string);

  if (named.length > 0) {
    return [Object.fromEntries(named.map((name) => [name, null]))];
  }

  return Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
}

/** EXPLAIN QUERY PLAN of each statement of the verification store, against a real file. */
export function checkSqlitePlans(file: string): StatementPlan[] {
  const connection = new Database(file, { readonly: true });

  try {
    return Object.entries(SQLITE_STATEMENTS).map(([name, sql]) => {
      const rows = connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nullParameters(sql)) as {
        detail: string;
      }[];
      const steps = rows.map((row) => row.detail);

      return { name, steps, isFullScan: steps.some((step) => /^SCAN (?!CONSTANT)/.test(step)) };
    });
  } finally {
    connection.close();
  }
}

/**
 * EXPLAIN of the generic plan of each statement of the PostgreSQL store, the plan a prepared
 * statement keeps whatever its values; a Seq Scan of a table of 1 000 rows or more fails.
 */
export async function checkPostgresPlans(pool: pg.Pool): Promise<StatementPlan[]> {
  const client = await pool.connect();

  try {
    const big = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class
        WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples >= $1`,
      [BIG_TABLE_ROWS],
    );
    const bigTables = new Set(big.rows.map((row) => row.name));
    const plans: StatementPlan[] = [];

    await client.query("SET plan_cache_mode = force_generic_plan");

    for (const [name, sql] of Object.entries(POSTGRES_STATEMENTS)) {
      const parameters = Math.max(
        ...[...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])),
      );

      await client.query(`PREPARE bench_plan AS ${sql}`);

      const result = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN EXECUTE bench_plan(${Array(parameters).fill("NULL").join(", ")})`,
      );
      const steps = result.rows.map((row) => row["QUERY PLAN"].trim());

      await client.query("DEALLOCATE bench_plan");
      plans.push({
        name,
        steps,
        isFullScan: steps.some((step) =>
          bigTables.has(/Seq Scan on "?(\w+)/.exec(step)?.[1] ?? ""),
        ),
      });
    }

    return plans;
  } finally {
    await client.query("RESET plan_cache_mode");
    client.release();
  }
}
