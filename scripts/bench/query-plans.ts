import Database from "better-sqlite3";

import { SQLITE_STATEMENTS } from "../../lib/api-access/sqlite-store";

export type StatementPlan = { name: string; steps: string[]; isFullScan: boolean };

/** Binds every parameter to null: a plan depends on the statement, not on the values. */
function nullParameters(sql: string): unknown[] {
  const named = [...sql.matchAll(/@(\w+)/g)].map((match) => match[1] as string);

  if (named.length > 0) {
    return [Object.fromEntries(named.map((name) => [name, null]))];
  }

  return Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
}

/** EXPLAIN QUERY PLAN of each statement of the verification store, against a real file. */
export function checkQueryPlans(file: string): StatementPlan[] {
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
