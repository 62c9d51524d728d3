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

  if (key.enhancedSecurity) {
    const problem = await accessTokenProblem(store, key.id, input.accessToken, now);

    if (problem) {
      return deny("enhanced_security_required", problem, ids);
    }
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
  };
}

async function accessTokenProblem(
  store: VerifyStore,
  apiKeyId: string,
  accessToken: string | null,
  now: Date,
): Promise<string | null> {
  if (!accessToken) {
    return "access token missing";
  }

  const grant = await store.findAccessGrant(hashSecret(accessToken));

  if (!grant || grant.apiKeyId !== apiKeyId || grant.tokenSetRevokedAt) {
    return "access token not valid for this key";
  }

  if (grant.rotatedAt) {
    return "access token replaced by a refresh";
  }

  return grant.accessExpiresAt.getTime() <= now.getTime() ? "access token expired" : null;
}
