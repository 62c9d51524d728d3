import { verifyStore } from "./api-access/store";
import { databaseProvider } from "./db-url";

const NOT_MIGRATED = /no such table|relation "?\w+"? does not exist/;

/**
 * Opens the database at start and reads one table, so a database that cannot be reached or has
 * not been migrated stops the server with a reason instead of failing every call.
 */
export async function prepareDatabase(): Promise<void> {
  try {
    await verifyStore();

    if (databaseProvider() === "postgresql") {
      const { pgPool } = await import("./pg-pool");

      await pgPool().query('SELECT 1 FROM "ApiKey" LIMIT 1');
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    throw new Error(
      NOT_MIGRATED.test(reason)
        ? `The database has no Keyward tables yet (${reason}). Run: npm run db:migrate`
        : `Cannot use the database DATABASE_URL names (${reason}).`,
    );
  }
}
