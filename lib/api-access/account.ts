import { auditRow, type AuditContext } from "../audit";
import { isAddressAllowed } from "../ip-allowlist";
import { hashSecret } from "../secrets";
import type { WebhookFormat } from "../webhook-format";
import { deny, type Denial } from "./denial";
import { verifyStore, type KeyRow, type VerifyStore } from "./store";
import { usageTouch } from "./usage";

export type AccountInput = {
  apiKey: string;
  accessToken: string | null;
  clientAddress: string | null;
};

export type AccountSummary = {
  ok: true;
  merchant: { id: string; name: string };
  apiKey: { id: string; label: string; hint: string; webhookFormat: WebhookFormat };
  enhancedSecurity: boolean;
  /** The family of the access token that was checked, for the audit row; not in the answer. */
  tokenSetId: string | null;
};

/** A sample protected merchant call: the API key alone, or with Enhance Security a token too. */
export async function readAccount(
  input: AccountInput,
  context: AuditContext,
  now = new Date(),
): Promise<AccountSummary | Denial> {
  const store = await verifyStore();
  const key = await store.findKey(hashSecret(input.apiKey));
  const result = key
    ? await decide(store, key, input, now)
    : deny("invalid_client", "unknown api key");
  const audit = auditRow(
    {
      type: "api.account",
      outcome: result.ok ? "success" : "denied",
      reason: result.ok ? null : result.reason,
      detail: result.ok ? null : result.detail,
      ...(key ? { merchantId: key.merchantId, apiKeyId: key.id } : {}),
      tokenSetId: result.tokenSetId ?? null,
    },
    context,
  );
  const touch =
    result.ok && key
      ? usageTouch({ apiKeyId: key.id, keyLastUsedAt: key.lastUsedAt }, context.clientAddress, now)
      : undefined;

  await store.record(audit, touch);

  return result;
}

async function decide(
  store: VerifyStore,
  key: KeyRow,
  input: AccountInput,
  now: Date,
): Promise<AccountSummary | Denial> {
  const ids = { merchantId: key.merchantId, apiKeyId: key.id };

  if (key.revokedAt) {
    return deny("invalid_client", "api key revoked", ids);
  }

  if (!key.settingsSavedAt) {
    return deny("key_not_active", "settings never saved", ids);
  }

  if (!isAddressAllowed(input.clientAddress, JSON.parse(key.ipAllowlist) as string[])) {
    return deny("ip_not_allowed", `address ${input.clientAddress ?? "unknown"} not allowed`, ids);
  }

  const check = key.enhancedSecurity
    ? await checkAccessToken(store, key.id, input.accessToken, now)
    : { problem: null, tokenSetId: null };

  if (check.problem) {
    return deny("enhanced_security_required", check.problem, {
      ...ids,
      tokenSetId: check.tokenSetId ?? undefined,
    });
  }

  return {
    ok: true,
    merchant: { id: key.merchantId, name: key.merchantName },
    apiKey: {
      id: key.id,
      label: key.label,
      hint: key.keyHint,
      webhookFormat: key.webhookFormat as WebhookFormat,
    },
    enhancedSecurity: key.enhancedSecurity,
    tokenSetId: check.tokenSetId,
  };
}

type TokenCheck = { problem: string | null; tokenSetId: string | null };

/** A token of this key names its family, valid or not; another key's token names none. */
async function checkAccessToken(
  store: VerifyStore,
  apiKeyId: string,
  accessToken: string | null,
  now: Date,
): Promise<TokenCheck> {
  if (!accessToken) {
    return { problem: "access token missing", tokenSetId: null };
  }

  const grant = await store.findAccessGrant(hashSecret(accessToken));

  if (!grant || grant.apiKeyId !== apiKeyId) {
    return { problem: "access token not valid for this key", tokenSetId: null };
  }

  const found = (problem: string | null) => ({ problem, tokenSetId: grant.tokenSetId });

  if (grant.tokenSetRevokedAt) {
    return found("access token not valid for this key");
  }

  if (grant.rotatedAt) {
    return found("access token replaced by a refresh");
  }

  return found(grant.accessExpiresAt.getTime() <= now.getTime() ? "access token expired" : null);
}
