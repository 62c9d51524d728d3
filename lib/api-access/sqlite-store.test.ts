import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { AuditRecord } from "../audit";
import { hashSecret } from "../secrets";
import { createSqliteStore } from "./sqlite-store";
import type { VerifyStore } from "./store";

const MIGRATIONS = path.resolve("prisma", "migrations");
const ACCESS_HASH = hashSecret("access-token");
const NEXT_ACCESS_HASH = hashSecret("next-access-token");
const FUTURE = "2099-01-01T00:00:00.000+00:00";

function migratedFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyward-store-")), "test.db");
  const connection = new Database(file);

  connection.pragma("journal_mode = WAL");

  for (const folder of fs.readdirSync(MIGRATIONS).sort()) {
    const sql = path.join(MIGRATIONS, folder, "migration.sql");

    if (fs.existsSync(sql)) {
      connection.exec(fs.readFileSync(sql, "utf8"));
    }
  }

  connection.exec(`
    INSERT INTO Merchant (id, name) VALUES ('m1', 'Merchant');
    INSERT INTO ApiKey (id, merchantId, label, keyHash, keyHint) VALUES ('k1', 'm1', 'Key', 'h', 'h');
    INSERT INTO TokenSet (id, apiKeyId, clientId, clientSecretHash) VALUES ('s1', 'k1', 'c1', 's');
    INSERT INTO TokenGrant (id, tokenSetId, accessTokenHash, accessExpiresAt, refreshTokenHash,
      refreshExpiresAt) VALUES ('g1', 's1', '${ACCESS_HASH}', '${FUTURE}', 'r', '${FUTURE}');`);
  connection.close();

  return file;
}

const audit: AuditRecord = {
  type: "api.authorize",
  outcome: "success",
  reason: null,
  detail: null,
  merchantId: "m1",
  apiKeyId: "k1",
  tokenSetId: "s1",
  actorUserId: null,
  requestId: "request",
  clientAddress: "127.0.0.1",
  userAgent: null,
};

describe("the SQLite verification store's authorize cache", () => {
  let file: string;
  let connection: Database.Database;
  let store: VerifyStore;

  /** What a store with nothing in memory reads now. */
  const freshRead = async (accessTokenHash = ACCESS_HASH) => {
    const other = createSqliteStore(new Database(file));

    try {
      return await other.findCaller("c1", { accessTokenHash });
    } finally {
      await other.close();
    }
  };
  const cachedRead = (accessTokenHash = ACCESS_HASH) => store.findCaller("c1", { accessTokenHash });

  beforeEach(() => {
    file = migratedFile();
    connection = new Database(file);
    store = createSqliteStore(connection);
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("answers from memory: a change its own connection makes unannounced goes unseen", async () => {
    await cachedRead();
    connection.prepare(`UPDATE TokenSet SET revokedAt = '${FUTURE}' WHERE id = 's1'`).run();

    expect((await cachedRead())?.tokenSetRevokedAt).toBeNull();
    expect((await freshRead())?.tokenSetRevokedAt).toBeInstanceOf(Date);
  });

  it("sees at once what another connection committed", async () => {
    await cachedRead();

    const other = new Database(file);

    other.prepare(`UPDATE ApiKey SET revokedAt = '${FUTURE}' WHERE id = 'k1'`).run();
    other.close();

    expect((await cachedRead())?.keyRevokedAt).toBeInstanceOf(Date);
  });

  it("reads after each of its own writes what a fresh read gets", async () => {
    const at = new Date();

    await cachedRead();
    await store.record(audit, { apiKeyId: "k1", grantId: "g1", clientAddress: "10.0.0.1", at });
    expect(await cachedRead()).toEqual(await freshRead());

    await cachedRead(NEXT_ACCESS_HASH);
    await store.rotate({
      grantId: "g1",
      next: {
        tokenSetId: "s1",
        accessTokenHash: NEXT_ACCESS_HASH,
        refreshTokenHash: "r2",
        accessExpiresAt: new Date(FUTURE),
        refreshExpiresAt: new Date(FUTURE),
        createdAt: at,
      },
      audit: { ...audit, type: "api.refresh" },
      touch: { apiKeyId: "k1", clientAddress: "10.0.0.1", at },
    });
    expect((await cachedRead())?.rotatedAt).toBeInstanceOf(Date);
    expect(await cachedRead()).toEqual(await freshRead());
    expect(await cachedRead(NEXT_ACCESS_HASH)).toEqual(await freshRead(NEXT_ACCESS_HASH));

    await store.revokeFamily({ tokenSetId: "s1", reason: "reuse", at, audit });
    expect((await cachedRead(NEXT_ACCESS_HASH))?.tokenSetRevokedAt).toBeInstanceOf(Date);
    expect(await cachedRead(NEXT_ACCESS_HASH)).toEqual(await freshRead(NEXT_ACCESS_HASH));
  });
});
