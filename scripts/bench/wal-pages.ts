// `npm run bench:wal`: WAL pages each audit row adds to a commit, by id kind and batch size, on
// a copy of the 1 k-key dataset (see docs/benchmarks.md).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { openSqlite, SQLITE_STATEMENTS } from "../../lib/api-access/sqlite-store";
import { timeOrderedId } from "../../lib/ids";
import { credentialsOf, sampleLayout } from "./credentials";
import { BENCH_DIR, ensureDataset, removeWorkingCopy } from "./dataset";

const KEY_COUNT = 1000;
const EARLIER_ROWS = 200_000;
const MEASURED_ROWS = 20_000;
/** A WAL frame is one page (4 KiB) and its 24-byte header. */
const FRAME_BYTES = 4096 + 24;

type Caller = { tokenSetId: string; apiKeyId: string; merchantId: string };

function measure(idKind: string, newId: () => string, batch: number): number {
  const file = path.join(BENCH_DIR, "wal-pages.db");

  removeWorkingCopy(file);
  fs.copyFileSync(ensureDataset(KEY_COUNT).file, file);

  const connection = openSqlite(file);

  try {
    connection.pragma("wal_autocheckpoint = 0");

    const lookup = connection.prepare<[string], Caller>(
      `SELECT ts.id AS tokenSetId, k.id AS apiKeyId, k.merchantId
        FROM TokenSet ts JOIN ApiKey k ON k.id = ts.apiKeyId WHERE ts.clientId = ?`,
    );
    const layout = sampleLayout(KEY_COUNT);
    const callers = Array.from({ length: layout.size }, (_, index) => {
      const caller = lookup.get(credentialsOf(layout.validIndex(index)).clientId);

      if (!caller) {
        throw new Error(`sample key ${index} is missing from the dataset`);
      }

      return caller;
    });
    const insert = connection.prepare(SQLITE_STATEMENTS.insertAudit);
    const commit = connection.transaction((first: number) => {
      for (let index = first; index < first + batch; index += 1) {
        const caller = callers[index % callers.length] as Caller;

        insert.run({
          ...caller,
          id: newId(),
          createdAt: new Date().toISOString().replace("Z", "+00:00"),
          type: "api.authorize",
          outcome: "success",
          reason: null,
          detail: null,
          actorUserId: null,
          requestId: newId(),
          clientAddress: "127.0.0.1",
          userAgent: "bench",
        });
      }
    });

    // The table a long-running server inserts into is large: grow it first, then start a new WAL.
    for (let first = 0; first < EARLIER_ROWS; first += batch) {
      commit(first);
    }

    connection.pragma("wal_checkpoint(TRUNCATE)");

    for (let first = 0; first < MEASURED_ROWS; first += batch) {
      commit(first);
    }

    const pages = fs.statSync(`${file}-wal`).size / FRAME_BYTES / MEASURED_ROWS;

    console.log(`${idKind} ids, ${batch} rows a commit: ${pages.toFixed(2)} WAL pages a row`);

    return pages;
  } finally {
    connection.close();
    removeWorkingCopy(file);
  }
}

for (const batch of [1, 8, 32]) {
  measure("random (UUIDv4)", randomUUID, batch);
  measure("time-ordered (UUIDv7)", timeOrderedId, batch);
}
