import { createHash } from "node:crypto";

import Database from "better-sqlite3";

import { environment } from "./environment";

let handle: Database.Database | undefined;

/** A direct handle on the servers' SQLite file: for reading what they stored and for time travel. */
export function database(): Database.Database {
  handle ??= new Database(environment().databasePath, { fileMustExist: true, timeout: 10_000 });

  return handle;
}

export function sha256(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/**
 * Writes a date the way the Prisma adapter stored the column's current value: it may be an
 * integer of milliseconds or ISO text, and SQLite compares them differently.
 */
function storedLike(sample: unknown, date: Date): string | number {
  if (typeof sample === "number" || typeof sample === "bigint") {
    return date.getTime();
  }

  if (typeof sample === "string" && sample.endsWith("Z")) {
    return date.toISOString();
  }

  return date.toISOString().replace("Z", "+00:00");
}

type GrantColumn = "accessExpiresAt" | "rotatedAt" | "refreshExpiresAt";
type GrantMatch = { accessToken: string } | { refreshToken: string };

function grantWhere(match: GrantMatch): { sql: string; value: string } {
  return "accessToken" in match
    ? { sql: "accessTokenHash = ?", value: sha256(match.accessToken) }
    : { sql: "refreshTokenHash = ?", value: sha256(match.refreshToken) };
}

/** Moves one of a grant's instants to the given date, so no test waits for time to pass. */
export function setGrantTime(match: GrantMatch, column: GrantColumn, date: Date): void {
  const where = grantWhere(match);
  const sample = database()
    .prepare(`SELECT createdAt FROM TokenGrant WHERE ${where.sql}`)
    .get(where.value) as { createdAt: unknown } | undefined;

  if (!sample) {
    throw new Error("No grant matches the given token.");
  }

  const changed = database()
    .prepare(`UPDATE TokenGrant SET ${column} = ? WHERE ${where.sql}`)
    .run(storedLike(sample.createdAt, date), where.value);

  if (changed.changes !== 1) {
    throw new Error(`Time travel changed ${changed.changes} rows instead of 1.`);
  }
}

export type GrantTimes = { createdAt: Date; accessExpiresAt: Date; refreshExpiresAt: Date };

export function readGrantTimes(accessToken: string): GrantTimes {
  const row = database()
    .prepare(
      "SELECT createdAt, accessExpiresAt, refreshExpiresAt FROM TokenGrant WHERE accessTokenHash = ?",
    )
    .get(sha256(accessToken)) as Record<keyof GrantTimes, string | number> | undefined;

  if (!row) {
    throw new Error("No grant for that access token.");
  }

  return {
    createdAt: new Date(row.createdAt),
    accessExpiresAt: new Date(row.accessExpiresAt),
    refreshExpiresAt: new Date(row.refreshExpiresAt),
  };
}

/** Every text value of every table, for scans that prove a secret was never stored. */
export function allStoredText(): string {
  const tables = database()
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];

  return tables
    .flatMap(({ name }) => database().prepare(`SELECT * FROM "${name}"`).all() as object[])
    .map((row) => JSON.stringify(row))
    .join("\n");
}
