import { verifyStore } from "./api-access/store";

/** Opens the database at start, so a missing or unmigrated one stops the server with a reason. */
export async function prepareDatabase(): Promise<void> {
  try {
    await verifyStore();
  } catch (error) {
    throw new Error(
      `The database is not ready (${(error as Error).message}). Run: npm run db:migrate`,
    );
  }
}
