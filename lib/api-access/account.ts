import { auditRow, type AuditContext } from "../audit";
import { db } from "../db";
import { isAddressAllowed } from "../ip-allowlist";
import { hashSecret } from "../secrets";
import type { WebhookFormat } from "../webhook-format";
import { deny, type Denial } from "./denial";

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
  const key = await db.apiKey.findUnique({
    where: { keyHash: hashSecret(input.apiKey) },
    select: {
      id: true,
      label: true,
      keyHint: true,
      webhookFormat: true,
      ipAllowlist: true,
      enhancedSecurity: true,
      revokedAt: true,
      merchant: { select: { id: true, name: true } },
    },
  });
  const result = key ? await decide(key, input, now) : deny("invalid_client", "unknown api key");
  const ids = key ? { merchantId: key.merchant.id, apiKeyId: key.id } : {};
  const audit = auditRow(
    {
      type: "api.account",
      outcome: result.ok ? "success" : "denied",
      reason: result.ok ? null : result.reason,
      detail: result.ok ? null : result.detail,
      ...ids,
    },
    context,
  );

  if (result.ok && key) {
    await db.$transaction([
      db.auditEvent.create({ data: audit }),
      db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } }),
    ]);
  } else {
    await db.auditEvent.create({ data: audit });
  }

  return result;
}

type AccountKeyRow = {
  id: string;
  label: string;
  keyHint: string;
  webhookFormat: string;
  ipAllowlist: string;
  enhancedSecurity: boolean;
  revokedAt: Date | null;
  merchant: { id: string; name: string };
};

async function decide(
  key: AccountKeyRow,
  input: AccountInput,
  now: Date,
): Promise<AccountSummary | Denial> {
  const ids = { merchantId: key.merchant.id, apiKeyId: key.id };

  if (key.revokedAt) {
    return deny("invalid_client", "api key revoked", ids);
  }

  if (!isAddressAllowed(input.clientAddress, JSON.parse(key.ipAllowlist) as string[])) {
    return deny("ip_not_allowed", `address ${input.clientAddress ?? "unknown"} not allowed`, ids);
  }

  if (key.enhancedSecurity) {
    const problem = await accessTokenProblem(key.id, input.accessToken, now);

    if (problem) {
      return deny("enhanced_security_required", problem, ids);
    }
  }

  return {
    ok: true,
    merchant: key.merchant,
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
  apiKeyId: string,
  accessToken: string | null,
  now: Date,
): Promise<string | null> {
  if (!accessToken) {
    return "access token missing";
  }

  const grant = await db.tokenGrant.findUnique({
    where: { accessTokenHash: hashSecret(accessToken) },
    select: {
      accessExpiresAt: true,
      rotatedAt: true,
      tokenSet: { select: { apiKeyId: true, revokedAt: true } },
    },
  });

  if (!grant || grant.tokenSet.apiKeyId !== apiKeyId || grant.tokenSet.revokedAt) {
    return "access token not valid for this key";
  }

  if (grant.rotatedAt) {
    return "access token replaced by a refresh";
  }

  return grant.accessExpiresAt.getTime() <= now.getTime() ? "access token expired" : null;
}
