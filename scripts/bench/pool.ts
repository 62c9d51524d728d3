import { randomUUID } from "node:crypto";

import Database from "better-sqlite3";

import {
  credentialsOf,
  FAR_FUTURE,
  POOL_KEYS,
  poolAccessToken,
  poolRefreshToken,
} from "./credentials";
import { asText, rowId } from "./dataset";
import { hashSecret } from "../../lib/secrets";

export type RefreshCall = {
  apiKey: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
};

let nextBatch = 1;

/**
 * Inserts `count` unused grants on the pool's token sets and returns their refresh calls. Each
 * refresh consumes its grant, so every run gets a fresh batch; the pool's keys are not in the
 * authorize sample, so a stray reuse (which revokes the family) cannot disturb other runs.
 */
export function insertRefreshPool(file: string, keyCount: number, count: number): RefreshCall[] {
  const batch = nextBatch;
  const connection = new Database(file, { timeout: 10_000 });
  const grant = connection.prepare(`
    INSERT INTO TokenGrant (id, tokenSetId, accessTokenHash, accessExpiresAt, refreshTokenHash,
      refreshExpiresAt, createdAt)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const now = asText(new Date());
  const calls: RefreshCall[] = [];

  nextBatch += 1;
  connection.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const owner = keyCount + (index % POOL_KEYS);
      const credentials = credentialsOf(owner);
      const refreshToken = poolRefreshToken(batch, index);

      grant.run(
        randomUUID(),
        rowId("s", owner),
        hashSecret(poolAccessToken(batch, index)),
        asText(FAR_FUTURE),
        hashSecret(refreshToken),
        asText(FAR_FUTURE),
        now,
      );
      calls.push({ ...credentials, refreshToken });
    }
  })();
  connection.close();

  return calls;
}
