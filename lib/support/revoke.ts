import { z } from "zod";

import type { AuditContext } from "../audit";
import { revokeKeyAndTokens, revokeTokenSets } from "../api-keys/revocation";
import { db } from "../db";
import { AppError } from "../errors";

export const revokeReasonSchema = z.object({
  reason: z
    .string({ error: "reason is required" })
    .trim()
    .min(5, "reason must say why, in at least 5 characters")
    .max(500, "reason must be at most 500 characters"),
});

/** Support stops a leaked key: the key and its token families stop working on the next call. */
export async function supportRevokeKey(keyId: string, reason: string, audit: AuditContext) {
  const now = new Date();

  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({
      where: { id: keyId },
      select: { id: true, merchantId: true, revokedAt: true },
    });

    if (!key) {
      throw new AppError("not_found", "No such API key.");
    }

    const isRevoked = await revokeKeyAndTokens(tx, {
      apiKeyId: key.id,
      merchantId: key.merchantId,
      audit,
      now,
      entry: { type: "support.key_revoked", reason: "support_revoked", detail: reason },
    });

    if (!isRevoked) {
      throw new AppError("conflict", "This API key is already revoked.");
    }
  });

  return { revoked_at: now.toISOString() };
}

/** Support stops one leaked token family; the key and its other settings stay as they are. */
export async function supportRevokeTokenSet(
  tokenSetId: string,
  reason: string,
  audit: AuditContext,
) {
  const now = new Date();

  await db.$transaction(async (tx) => {
    const set = await tx.tokenSet.findUnique({
      where: { id: tokenSetId },
      select: { id: true, apiKey: { select: { id: true, merchantId: true } } },
    });

    if (!set) {
      throw new AppError("not_found", "No such token set.");
    }

    const revoked = await revokeTokenSets(tx, {
      apiKeyId: set.apiKey.id,
      merchantId: set.apiKey.merchantId,
      tokenSetId: set.id,
      cause: "support_revoked",
      audit,
      now,
      entry: { type: "support.tokens_revoked", detail: reason },
    });

    if (revoked === 0) {
      throw new AppError("conflict", "This token set is already revoked.");
    }
  });

  return { revoked_at: now.toISOString() };
}
