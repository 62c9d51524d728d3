import { auditRow, type AuditContext, type AuditEntry } from "../audit";
import { db } from "../db";
import { hashSecret } from "../secrets";
import { issueGrant, REFRESH_RETRY_GRACE_SECONDS, type IssuedGrant } from "../tokens";
import { checkClient, credentialSetSelect } from "./client-credentials";
import { deny, type Denial, type DenialIds } from "./denial";

export type RefreshInput = {
  apiKey: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  clientAddress: string | null;
};

export type Refreshed = { ok: true; grant: IssuedGrant };

/**
 * Rotates a refresh token: the presented pair stops working and a new pair is issued, in one
 * transaction. The conditional update is the lock: of concurrent refreshes with one token,
 * exactly one changes the row; the others see it already rotated.
 */
export async function refreshTokens(
  input: RefreshInput,
  context: AuditContext,
  now = new Date(),
): Promise<Refreshed | Denial> {
  const set = await db.tokenSet.findUnique({
    where: { clientId: input.clientId },
    select: {
      ...credentialSetSelect,
      grants: {
        where: { refreshTokenHash: hashSecret(input.refreshToken) },
        select: { id: true, refreshExpiresAt: true, rotatedAt: true },
        take: 1,
      },
    },
  });
  const denial = checkClient(set, input);
  const ids = set
    ? { merchantId: set.apiKey.merchantId, apiKeyId: set.apiKey.id, tokenSetId: set.id }
    : {};
  const entry = (outcome: Denial | null): AuditEntry => ({
    type: "api.refresh",
    outcome: outcome ? "denied" : "success",
    reason: outcome?.reason,
    detail: outcome?.detail,
    ...ids,
  });

  if (denial || !set) {
    const result = denial ?? deny("invalid_client", "unknown client id");

    await db.auditEvent.create({ data: auditRow(entry(result), context) });

    return result;
  }

  const grant = set.grants[0];
  let result: Refreshed | Denial;

  if (!grant) {
    result = deny("invalid_grant", "refresh token not issued to this client", ids);
  } else if (grant.rotatedAt) {
    result = await handleReuse(set.id, grant.rotatedAt, ids, context, now);
  } else if (grant.refreshExpiresAt.getTime() <= now.getTime()) {
    result = deny("invalid_grant", "refresh token expired", ids);
  } else {
    result = await rotate(set.id, grant.id, ids, context, now);
  }

  if (!result.ok) {
    await db.auditEvent.create({ data: auditRow(entry(result), context) });
  }

  return result;
}

async function rotate(
  tokenSetId: string,
  grantId: string,
  ids: DenialIds,
  context: AuditContext,
  now: Date,
): Promise<Refreshed | Denial> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.tokenGrant.updateMany({
      where: { id: grantId, rotatedAt: null, tokenSet: { revokedAt: null } },
      data: { rotatedAt: now, lastUsedAt: now, lastClientAddress: context.clientAddress },
    });

    if (claimed.count !== 1) {
      return deny("invalid_grant", "refresh token already used by a concurrent request", ids);
    }

    const grant = await issueGrant(tx, tokenSetId, now);

    await tx.auditEvent.create({
      data: auditRow({ type: "api.refresh", outcome: "success", ...ids }, context),
    });
    await tx.apiKey.update({ where: { id: ids.apiKeyId ?? "" }, data: { lastUsedAt: now } });

    return { ok: true as const, grant };
  });
}

async function handleReuse(
  tokenSetId: string,
  rotatedAt: Date,
  ids: DenialIds,
  context: AuditContext,
  now: Date,
): Promise<Denial> {
  const elapsedSeconds = (now.getTime() - rotatedAt.getTime()) / 1000;

  if (elapsedSeconds <= REFRESH_RETRY_GRACE_SECONDS) {
    return deny("invalid_grant", "refresh token already used (retry within grace period)", ids);
  }

  await db.$transaction([
    db.tokenSet.updateMany({
      where: { id: tokenSetId, revokedAt: null },
      data: { revokedAt: now, revokedReason: "refresh_token_reuse" },
    }),
    db.auditEvent.create({
      data: auditRow(
        {
          type: "refresh.reuse_detected",
          outcome: "denied",
          reason: "invalid_grant",
          detail: "used refresh token presented again: token family revoked",
          ...ids,
        },
        context,
      ),
    }),
  ]);

  return deny("invalid_grant", "refresh token reuse detected: token family revoked", ids);
}
