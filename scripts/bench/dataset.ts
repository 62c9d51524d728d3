import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import {
  ALLOWS_LOCALHOST,
  BLOCKS_LOCALHOST,
  credentialsOf,
  DATASET_VERSION,
  expiredAccessToken,
  FAR_FUTURE,
  LONG_AGO,
  POOL_KEYS,
  sampleLayout,
  storedHashes,
} from "./credentials";
import { hashSecret } from "../../lib/secrets";

export const BENCH_DIR = path.resolve(".tmp", "bench");

const BATCH = 50_000;
const KEYS_PER_MERCHANT = 100;

/** Prisma's SQLite adapter writes DateTime columns as ISO text with an explicit offset. */
export const asText = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** Fixed-width ids, as long as the cuids Prisma would write. */
export const rowId = (kind: string, index: number) =>
  `${kind}${index.toString(36).padStart(24, "0")}`;

function migrate(file: string): void {
  const result = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });

  if (result.status !== 0) {
    throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function insertKeys(connection: Database.Database, keyCount: number): void {
  const total = keyCount + POOL_KEYS;
  const layout = sampleLayout(keyCount);
  const blocked = new Set(Array.from({ length: layout.size }, (_, s) => layout.blockedIndex(s)));
  const allowing = new Set(
    Array.from({ length: layout.size }, (_, s) => s)
      .filter((s) => s % 2 === 1)
      .map((s) => layout.validIndex(s)),
  );
  const created = asText(new Date("2026-01-01T00:00:00.000Z"));
  const farFuture = asText(FAR_FUTURE);
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
  const grant = connection.prepare(`
    INSERT INTO TokenGrant (id, tokenSetId, accessTokenHash, accessExpiresAt, refreshTokenHash,
      refreshExpiresAt, createdAt)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertRange = connection.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 1) {
      if (index % KEYS_PER_MERCHANT === 0) {
        merchant.run(rowId("m", index), `Bench merchant ${index}`, created);
      }

      const credentials = credentialsOf(index);
      const hashes = storedHashes(credentials);
      const merchantId = rowId("m", index - (index % KEYS_PER_MERCHANT));
      const allowlist = blocked.has(index)
        ? BLOCKS_LOCALHOST
        : allowing.has(index)
          ? ALLOWS_LOCALHOST
          : "[]";
      const hint = `${credentials.apiKey.slice(0, 4)}…${credentials.apiKey.slice(-4)}`;

      key.run(rowId("k", index), merchantId, hashes.keyHash, hint, allowlist, index % 2, created);
      tokenSet.run(
        rowId("s", index),
        rowId("k", index),
        credentials.clientId,
        hashes.clientSecretHash,
        created,
      );
      grant.run(
        rowId("g", index),
        rowId("s", index),
        hashes.accessTokenHash,
        farFuture,
        hashes.refreshTokenHash,
        farFuture,
        created,
      );
    }
  });

  for (let from = 0; from < total; from += BATCH) {
    insertRange(from, Math.min(total, from + BATCH));
  }

  const expired = connection.transaction(() => {
    for (let sample = 0; sample < layout.size; sample += 1) {
      const index = layout.validIndex(sample);

      grant.run(
        rowId("x", sample),
        rowId("s", index),
        hashSecret(expiredAccessToken(sample)),
        asText(LONG_AGO),
        hashSecret(`expired-refresh-${sample}`),
        asText(LONG_AGO),
        created,
      );
    }
  });

  expired();
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

  for (const suffix of ["", "-wal", "-shm"]) {
    fs.rmSync(`${file}${suffix}`, { force: true });
  }

  fs.copyFileSync(dataset.file, file);

  return file;
}

export function removeWorkingCopy(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) {
    fs.rmSync(`${file}${suffix}`, { force: true });
  }
}
