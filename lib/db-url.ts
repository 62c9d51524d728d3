import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./prisma/keyward.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Resolves a `file:` URL against the working directory, as the app and the CLI both see it. */
export function sqliteUrl(url = databaseUrl()): string {
  const file = url.replace(/^file:/, "");

  return file === ":memory:" ? file : path.resolve(process.cwd(), file);
}
