import { auditRow, type AuditContext, type AuditEntry } from "../audit";
import type { Prisma } from "../generated/prisma/client";

export type TokenSetRevocation = {
  apiKeyId: string;
  merchantId: string;
  /** Stored on the token set: replaced, key_revoked, support_revoked. */
  cause: string;
  audit: AuditContext;
  now: Date;
  /** Only this family; else every live family of the key. */
  tokenSetId?: string;
  entry?: Pick<AuditEntry, "type" | "detail">;
};

/**
 * Revokes live token families, each with its own audit row, so every family's timeline ends with
 * the event that ended it. The conditional update keeps a concurrent revocation from writing twice.
 */
export async function revokeTokenSets(tx: Prisma.TransactionClient, input: TokenSetRevocation) {
  const live = await tx.tokenSet.findMany({
    where: { apiKeyId: input.apiKeyId, revokedAt: null, id: input.tokenSetId },
    select: { id: true },
  });
  let revoked = 0;

  for (const set of live) {
    const claimed = await tx.tokenSet.updateMany({
      where: { id: set.id, revokedAt: null },
      data: { revokedAt: input.now, revokedReason: input.cause },
    });

    if (claimed.count === 1) {
      revoked += 1;
      await tx.auditEvent.create({
        data: auditRow(
          {
            type: input.entry?.type ?? "tokens.revoked",
            outcome: "success",
            reason: input.cause,
            detail: input.entry?.detail,
            merchantId: input.merchantId,
            apiKeyId: input.apiKeyId,
            tokenSetId: set.id,
          },
          input.audit,
        ),
      });
    }
  }

  return revoked;
}

export type KeyRevocation = {
  apiKeyId: string;
  merchantId: string;
  audit: AuditContext;
  now: Date;
  entry: Pick<AuditEntry, "type" | "reason" | "detail">;
};

/** Revocation is immediate and takes the key's token families with it. */
export async function revokeKeyAndTokens(tx: Prisma.TransactionClient, input: KeyRevocation) {
  const claimed = await tx.apiKey.updateMany({
    where: { id: input.apiKeyId, revokedAt: null },
    data: { revokedAt: input.now },
  });

  if (claimed.count !== 1) {
    return false;
  }

  await tx.auditEvent.create({
    data: auditRow(
      {
        ...input.entry,
        outcome: "success",
        merchantId: input.merchantId,
        apiKeyId: input.apiKeyId,
      },
      input.audit,
    ),
  });
  await revokeTokenSets(tx, { ...input, cause: "key_revoked", entry: undefined });

  return true;
}
