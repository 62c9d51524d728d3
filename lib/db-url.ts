export const DEFAULT_DATABASE_URL = "file:./prisma/keyward.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The file path of a `file:` URL; a relative one is resolved by the driver from the cwd. */
export function sqliteUrl(url = databaseUrl()): string {
  return url.replace(/^file:/, "");
}
