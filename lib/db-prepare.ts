import { db } from "./db";

/** WAL lets the portal and the public API read while one of them writes. */
export async function prepareDatabase(): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}
