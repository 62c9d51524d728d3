import { auditRow, type AuditContext } from "../audit";
import { hashSecret } from "../secrets";
import { newGrant, REFRESH_RETRY_GRACE_SECONDS, type IssuedGrant } from "../tokens";
import { callerIds, checkClient } from "./client-credentials";
import { denialIds, deny, type Denial } from "./denial";
import { verifyStore, type CallerRow, type VerifyStore } from "./store";

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
  const store = await verifyStore();
  const caller = await store.findCaller(input.clientId, {
    refreshTokenHash: hashSecret(input.refreshToken),
  });
  const result = await decide(store, caller, input, context, now);

  if (!result.ok) {
    await store.record(
      auditRow(
        {
          type: "api.refresh",
          outcome: "denied",
          reason: result.reason,
          detail: result.detail,
          ...denialIds(result),
        },
        context,
      ),
    );
  }

  return result;
}

type Outcome = Refreshed | Denial;

async function decide(
  store: VerifyStore,
  caller: CallerRow | null,
  input: RefreshInput,
  context: AuditContext,
  now: Date,
): Promise<Outcome> {
  const denial = checkClient(caller, input);

  if (denial || !caller) {
    return denial ?? deny("invalid_client", "unknown client id");
  }

  const ids = callerIds(caller);

  if (!caller.grantId || !caller.refreshExpiresAt) {
    return deny("invalid_grant", "refresh token not issued to this client", ids);
  }

  if (caller.rotatedAt) {
    return handleReuse(store, caller, context, now);
  }

  if (caller.refreshExpiresAt.getTime() <= now.getTime()) {
    return deny("invalid_grant", "refresh token expired", ids);
  }

  const { grant, row } = newGrant(caller.tokenSetId, now);
  const rotated = await store.rotate({
    grantId: caller.grantId,
    next: row,
    audit: auditRow({ type: "api.refresh", outcome: "success", ...ids }, context),
    touch: { apiKeyId: caller.apiKeyId, clientAddress: context.clientAddress, at: now },
  });

  return rotated
    ? { ok: true, grant }
    : deny("invalid_grant", "refresh token already used by a concurrent request", ids);
}

async function handleReuse(
  store: VerifyStore,
  caller: CallerRow,
  context: AuditContext,
  now: Date,
): Promise<Outcome> {
  const ids = callerIds(caller);
  const elapsedSeconds = (now.getTime() - (caller.rotatedAt?.getTime() ?? 0)) / 1000;

  if (elapsedSeconds <= REFRESH_RETRY_GRACE_SECONDS) {
    return deny("invalid_grant", "refresh token already used (retry within grace period)", ids);
  }

  await store.revokeFamily({
    tokenSetId: caller.tokenSetId,
    reason: "refresh_token_reuse",
    at: now,
    audit: auditRow(
      {
        type: "refresh.reuse_detected",
        outcome: "denied",
        reason: "invalid_grant",
        detail: "used refresh token presented again: token family revoked",
        ...ids,
      },
      context,
    ),
  });

  return deny("invalid_grant", "refresh token reuse detected: token family revoked", ids);
}
