export const DEFAULT_DATABASE_URL = "file:./prisma/keyward.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** `postgres://` or `postgresql://` selects PostgreSQL; a `file:` URL (or none) selects SQLite. */
export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** The file path of a `file:` URL; a relative one is resolved by the driver from the cwd. */
export function sqliteUrl(url = databaseUrl()): string {
  return url.replace(/^file:/, "");
}
