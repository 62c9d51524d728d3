import { auditRow, type AuditContext } from "../audit";
import { hashSecret } from "../secrets";
import { callerIds, checkClient } from "./client-credentials";
import { denialIds, deny, type Denial } from "./denial";
import { verifyStore, type CallerRow } from "./store";
import { usageTouch } from "./usage";

export type AuthorizeInput = {
  apiKey: string;
  accessToken: string;
  clientId: string;
  clientSecret: string;
  clientAddress: string | null;
};

export type Authorized = {
  ok: true;
  clientId: string;
  accessTokenExpiresAt: Date;
  enhancedSecurity: boolean;
};

/** Verifies an /api/authorize call and records its outcome. Denials are results, not throws. */
export async function authorizeCall(
  input: AuthorizeInput,
  context: AuditContext,
  now = new Date(),
): Promise<Authorized | Denial> {
  const store = await verifyStore();
  const caller = await store.findCaller(input.clientId, {
    accessTokenHash: hashSecret(input.accessToken),
  });
  const result = decide(caller, input, now);
  const audit = auditRow(
    {
      type: "api.authorize",
      outcome: result.ok ? "success" : "denied",
      reason: result.ok ? null : result.reason,
      detail: result.ok ? null : result.detail,
      ...(!result.ok ? denialIds(result) : caller ? callerIds(caller) : {}),
    },
    context,
  );
  const touch = result.ok && caller ? usageTouch(caller, context.clientAddress, now) : undefined;

  await store.record(audit, touch);

  return result;
}

function decide(caller: CallerRow | null, input: AuthorizeInput, now: Date): Authorized | Denial {
  const denial = checkClient(caller, input);

  if (denial || !caller) {
    return denial ?? deny("invalid_client", "unknown client id");
  }

  const ids = callerIds(caller);

  if (!caller.grantId || !caller.accessExpiresAt) {
    return deny("invalid_token", "access token not issued to this client", ids);
  }

  if (caller.rotatedAt) {
    return deny("invalid_token", "access token replaced by a refresh", ids);
  }

  if (caller.accessExpiresAt.getTime() <= now.getTime()) {
    return deny("token_expired", "access token expired", ids);
  }

  return {
    ok: true,
    clientId: input.clientId,
    // A copy: the caller row may be the authorize cache's, shared by later calls.
    accessTokenExpiresAt: new Date(caller.accessExpiresAt),
    enhancedSecurity: caller.enhancedSecurity,
  };
}
