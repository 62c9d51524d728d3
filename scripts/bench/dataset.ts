import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { DATASET_VERSION, POOL_KEYS } from "./credentials";
import { auditHistory, expiredGrants, keyRows, type GrantRow } from "./rows";

export const BENCH_DIR = path.resolve(".tmp", "bench");

const BATCH = 50_000;

/** Prisma's SQLite adapter writes DateTime columns as ISO text with an explicit offset. */
const asText = (date: Date) => date.toISOString().replace("Z", "+00:00");

function migrate(file: string): void {
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });

  if (result.status !== 0) {
    throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function grantInserter(connection: Database.Database): (grant: GrantRow) => void {
  const statement = connection.prepare(`
    INSERT INTO TokenGrant (id, tokenSetId, accessTokenHash, accessExpiresAt, refreshTokenHash,
      refreshExpiresAt, createdAt)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);

  return (grant) =>
    statement.run(
      grant.id,
      grant.tokenSetId,
      grant.accessTokenHash,
      asText(grant.accessExpiresAt),
      grant.refreshTokenHash,
      asText(grant.refreshExpiresAt),
      asText(grant.createdAt),
    );
}

function insertKeys(connection: Database.Database, keyCount: number): void {
  const total = keyCount + POOL_KEYS;
  const merchant = connection.prepare(
    `INSERT INTO Merchant (id, name, createdAt) VALUES (?, ?, ?)`,
  );
  const key = connection.prepare(`
    INSERT INTO ApiKey (id, merchantId, label, keyHash, keyHint, ipAllowlist, webhookFormat,
      enhancedSecurity, createdAt)
    VALUES (?, ?, 'Checkout server', ?, ?, ?, 'single', ?, ?)`);
  const tokenSet = connection.prepare(`
    INSERT INTO TokenSet (id, apiKeyId, clientId, clientSecretHash, createdAt)
    VALUES (?, ?, ?, ?, ?)`);
  const grant = grantInserter(connection);
  const insertRange = connection.transaction((from: number, to: number) => {
    const rows = keyRows(keyCount, from, to);

    for (const row of rows.merchants) {
      merchant.run(row.id, row.name, asText(row.createdAt));
    }

    for (const row of rows.keys) {
      key.run(
        row.id,
        row.merchantId,
        row.keyHash,
        row.keyHint,
        row.ipAllowlist,
        Number(row.enhancedSecurity),
        asText(row.createdAt),
      );
    }

    for (const row of rows.tokenSets) {
      tokenSet.run(row.id, row.apiKeyId, row.clientId, row.clientSecretHash, asText(row.createdAt));
    }

    rows.grants.forEach(grant);
  });

  for (let from = 0; from < total; from += BATCH) {
    insertRange(from, Math.min(total, from + BATCH));
  }

  connection.transaction(() => expiredGrants(keyCount).forEach(grant))();
  insertAuditHistory(connection, keyCount);
}

function insertAuditHistory(connection: Database.Database, keyCount: number): void {
  const audit = connection.prepare(`
    INSERT INTO AuditEvent (id, createdAt, type, outcome, merchantId, apiKeyId, tokenSetId,
      requestId, clientAddress, userAgent)
    VALUES (?, ?, 'api.authorize', 'success', ?, ?, ?, ?, '127.0.0.1', 'bench history')`);

  connection.transaction(() => {
    for (const row of auditHistory(keyCount)) {
      audit.run(
        row.id,
        asText(row.createdAt),
        row.merchantId,
        row.apiKeyId,
        row.tokenSetId,
        row.requestId,
      );
    }
  })();
}

/** Inserts grants in one transaction, next to the servers that use the same file. */
export function insertSqliteGrants(file: string, grants: GrantRow[]): void {
  const connection = new Database(file, { timeout: 10_000 });

  try {
    const grant = grantInserter(connection);

    connection.transaction(() => grants.forEach(grant))();
  } finally {
    connection.close();
  }
}

export type Dataset = { file: string; keyCount: number; generatedSeconds: number };

/** A migrated SQLite file with N keys, built once and kept under .tmp/bench/ by size. */
export function ensureDataset(keyCount: number): Dataset {
  const file = path.join(BENCH_DIR, `keys-${keyCount}-v${DATASET_VERSION}.db`);
  const timing = `${file}.seconds`;

  if (fs.existsSync(file) && fs.existsSync(timing)) {
    return { file, keyCount, generatedSeconds: Number(fs.readFileSync(timing, "utf8")) };
  }

  const startedAt = performance.now();
  const partial = `${file}.partial`;

  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.rmSync(partial, { force: true });
  migrate(partial);

  const connection = new Database(partial);

  // A throwaway file being filled: no journal and no fsync until it is complete.
  connection.pragma("journal_mode = OFF");
  connection.pragma("synchronous = OFF");
  connection.pragma("cache_size = -1000000");
  insertKeys(connection, keyCount);
  connection.pragma("journal_mode = WAL");
  connection.close();
  fs.renameSync(partial, file);

  const generatedSeconds = (performance.now() - startedAt) / 1000;

  fs.writeFileSync(timing, String(generatedSeconds));

  return { file, keyCount, generatedSeconds };
}

/** A fresh copy for one benchmark run: refreshes and audit rows never touch the cached file. */
export function workingCopy(dataset: Dataset): string {
  const file = path.join(BENCH_DIR, `run-${dataset.keyCount}.db`);

  removeWorkingCopy(file);
  fs.copyFileSync(dataset.file, file);
  // The copy sits dirty in the OS cache until written back; the first checkpoint's fsync would
  // then write the whole file (1.3 GB at 1 M keys) and the run would measure the copy.
  flushToDisk(file);

  return file;
}

function flushToDisk(file: string): void {
  const handle = fs.openSync(file, "r+");

  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

export function removeWorkingCopy(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) {
    fs.rmSync(`${file}${suffix}`, { force: true });
  }
}
