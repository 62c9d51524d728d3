import { randomUUID } from "node:crypto";

import {
  credentialsOf,
  FAR_FUTURE,
  POOL_KEYS,
  poolAccessToken,
  poolRefreshToken,
} from "./credentials";
import { rowId, type GrantRow } from "./rows";
import { hashSecret } from "../../lib/secrets";

export type RefreshCall = {
  apiKey: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
};

let nextBatch = 1;

/**
 * `count` unused grants on the pool's token sets, and the refresh call that consumes each. Each
 * refresh consumes its grant, so every run gets a fresh batch; the pool's keys are not in the
 * authorize sample, so a stray reuse (which revokes the family) cannot disturb other runs.
 */
export function poolGrants(
  keyCount: number,
  count: number,
): { grants: GrantRow[]; calls: RefreshCall[] } {
  const batch = nextBatch;
  const createdAt = new Date();
  const grants: GrantRow[] = [];
  const calls: RefreshCall[] = [];

  nextBatch += 1;

  for (let index = 0; index < count; index += 1) {
    const owner = keyCount + (index % POOL_KEYS);
    const refreshToken = poolRefreshToken(batch, index);

    grants.push({
      id: randomUUID(),
      tokenSetId: rowId("s", owner),
      accessTokenHash: hashSecret(poolAccessToken(batch, index)),
      accessExpiresAt: FAR_FUTURE,
      refreshTokenHash: hashSecret(refreshToken),
      refreshExpiresAt: FAR_FUTURE,
      createdAt,
    });
    calls.push({ ...credentialsOf(owner), refreshToken });
  }

  return { grants, calls };
}
