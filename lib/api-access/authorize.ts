import { auditRow, type AuditContext } from "../audit";
import { db } from "../db";
import { hashSecret } from "../secrets";
import { checkClient, credentialSetSelect, type CredentialSetRow } from "./client-credentials";
import { deny, type Denial } from "./denial";

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
  const set = await db.tokenSet.findUnique({
    where: { clientId: input.clientId },
    select: {
      ...credentialSetSelect,
      grants: {
        where: { accessTokenHash: hashSecret(input.accessToken) },
        select: { id: true, accessExpiresAt: true, rotatedAt: true },
        take: 1,
      },
    },
  });
  const result = decide(set, input, now);
  const grantId = set?.grants[0]?.id;
  const audit = auditRow(
    {
      type: "api.authorize",
      outcome: result.ok ? "success" : "denied",
      reason: result.ok ? null : result.reason,
      detail: result.ok ? null : result.detail,
      merchantId: set?.apiKey.merchantId,
      apiKeyId: set?.apiKey.id,
      tokenSetId: set?.id,
    },
    context,
  );

  if (result.ok && set && grantId) {
    await db.$transaction([
      db.auditEvent.create({ data: audit }),
      db.apiKey.update({ where: { id: set.apiKey.id }, data: { lastUsedAt: now } }),
      db.tokenGrant.update({
        where: { id: grantId },
        data: { lastUsedAt: now, lastClientAddress: context.clientAddress },
      }),
    ]);
  } else {
    await db.auditEvent.create({ data: audit });
  }

  return result;
}

type AuthorizeSetRow = CredentialSetRow & {
  grants: { accessExpiresAt: Date; rotatedAt: Date | null }[];
};

function decide(set: AuthorizeSetRow | null, input: AuthorizeInput, now: Date): Authorized | Denial {
  const denial = checkClient(set, input);

  if (denial || !set) {
    return denial ?? deny("invalid_client", "unknown client id");
  }

  const ids = { merchantId: set.apiKey.merchantId, apiKeyId: set.apiKey.id, tokenSetId: set.id };
  const grant = set.grants[0];

  if (!grant) {
    return deny("invalid_token", "access token not issued to this client", ids);
  }

  if (grant.rotatedAt) {
    return deny("invalid_token", "access token replaced by a refresh", ids);
  }

  if (grant.accessExpiresAt.getTime() <= now.getTime()) {
    return deny("token_expired", "access token expired", ids);
  }

  return {
    ok: true,
    clientId: input.clientId,
    accessTokenExpiresAt: grant.accessExpiresAt,
    enhancedSecurity: set.apiKey.enhancedSecurity,
  };
}
