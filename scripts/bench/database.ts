import { ensureDataset, insertSqliteGrants, removeWorkingCopy, workingCopy } from "./dataset";
import { poolGrants, type RefreshCall } from "./pool";
import { createPostgresDatabase, insertPostgresGrants } from "./postgres-dataset";
import { checkPostgresPlans, checkSqlitePlans, type StatementPlan } from "./query-plans";

export type Engine = "SQLite" | "PostgreSQL";

/** One run's database with N keys: the servers' DATABASE_URL, and what the harness does to it. */
export type BenchDatabase = {
  engine: Engine;
  keyCount: number;
  url: string;
  /** How long building the data took, whenever it was built. */
  generatedSeconds: number;
  checkQueryPlans: () => Promise<StatementPlan[]>;
  /** Inserts `count` unused grants on the pool keys and returns their refresh calls. */
  refreshPool: (count: number) => Promise<RefreshCall[]>;
  remove: () => Promise<void>;
};

/** A fresh copy of the cached SQLite file. */
function openSqlite(keyCount: number): BenchDatabase {
  const dataset = ensureDataset(keyCount);
  const file = workingCopy(dataset);

  return {
    engine: "SQLite",
    keyCount,
    url: `file:${file}`,
    generatedSeconds: dataset.generatedSeconds,
    checkQueryPlans: async () => checkSqlitePlans(file),
    refreshPool: async (count) => {
      const { grants, calls } = poolGrants(keyCount, count);

      insertSqliteGrants(file, grants);

      return calls;
    },
    remove: async () => removeWorkingCopy(file),
  };
}

/** A new PostgreSQL database, built for this run and dropped after it. */
async function openPostgres(keyCount: number): Promise<BenchDatabase> {
  const database = await createPostgresDatabase(keyCount);

  return {
    engine: "PostgreSQL",
    keyCount,
    url: database.url,
    generatedSeconds: database.generatedSeconds,
    checkQueryPlans: () => checkPostgresPlans(database.pool),
    refreshPool: async (count) => {
      const { grants, calls } = poolGrants(keyCount, count);

      await insertPostgresGrants(database.pool, grants);

      return calls;
    },
    remove: database.drop,
  };
}

export async function openBenchDatabase(engine: Engine, keyCount: number): Promise<BenchDatabase> {
  return engine === "SQLite" ? openSqlite(keyCount) : openPostgres(keyCount);
}
