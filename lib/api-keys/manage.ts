import type { z } from "zod";

import { auditRow, type AuditContext } from "../audit";
import { db } from "../db";
import { databaseProvider } from "../db-url";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { validateAllowlist } from "../ip-allowlist";
import {
  generateApiKey,
  generateClientId,
  generateToken,
  hashSecret,
  secretHint,
} from "../secrets";
import { newGrant } from "../tokens";
import { revokeKeyAndTokens, revokeTokenSets } from "./revocation";
import type { createKeySchema, keySettingsSchema } from "./schemas";
import { keyViewSelect, toKeyView, type KeyView } from "./views";

export type MerchantScope = { merchantId: string; audit: AuditContext };

export type GeneratedTokens = {
  client_id: string;
  client_secret: string;
  access_token: string;
  refresh_token: string;
  access_token_expires_at: string;
  refresh_token_expires_at: string;
};

export async function listKeys(merchantId: string): Promise<KeyView[]> {
  const rows = await db.apiKey.findMany({
    where: { merchantId },
    orderBy: { createdAt: "desc" },
    select: keyViewSelect,
  });

  return rows.map((row) => toKeyView(row));
}

/**
 * Holds the key's row until the transaction ends. Every change to a key starts with findOwnKey,
 * which calls this: PostgreSQL runs concurrent transactions side by side, and two Generate
 * Tokens clicks would each revoke the sets they can see, then both insert one. SQLite lets one
 * writer in at a time.
 */
async function lockKeyRow(tx: Prisma.TransactionClient, keyId: string): Promise<void> {
  if (databaseProvider() === "postgresql") {
    await tx.$queryRaw`SELECT "id" FROM "ApiKey" WHERE "id" = ${keyId} FOR UPDATE`;
  }
}

/** Another merchant's key answers exactly like a key that does not exist. */
async function findOwnKey(tx: Prisma.TransactionClient, scope: MerchantScope, keyId: string) {
  await lockKeyRow(tx, keyId);

  const key = await tx.apiKey.findFirst({
    where: { id: keyId, merchantId: scope.merchantId },
    select: { id: true, revokedAt: true, settingsSavedAt: true },
  });

  if (!key) {
    throw new AppError("not_found", "No such API key.");
  }

  return key;
}

async function findLiveKey(tx: Prisma.TransactionClient, scope: MerchantScope, keyId: string) {
  const key = await findOwnKey(tx, scope, keyId);

  if (key.revokedAt) {
    throw new AppError("conflict", "This API key is revoked.");
  }

  return key;
}

async function readView(tx: Prisma.TransactionClient, keyId: string): Promise<KeyView> {
  return toKeyView(
    await tx.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: keyViewSelect }),
  );
}

export async function createKey(
  scope: MerchantScope,
  input: z.infer<typeof createKeySchema>,
): Promise<{ key: KeyView; apiKey: string }> {
  const apiKey = generateApiKey();

  return db.$transaction(async (tx) => {
    const count = await tx.apiKey.count({ where: { merchantId: scope.merchantId } });
    const created = await tx.apiKey.create({
      data: {
        merchantId: scope.merchantId,
        label: input.label || `API key ${count + 1}`,
        keyHash: hashSecret(apiKey),
        keyHint: secretHint(apiKey),
      },
      select: { id: true },
    });

    await tx.auditEvent.create({
      data: auditRow(
        {
          type: "key.created",
          outcome: "success",
          merchantId: scope.merchantId,
          apiKeyId: created.id,
        },
        scope.audit,
      ),
    });

    return { key: await readView(tx, created.id), apiKey };
  });
}

export async function saveKeySettings(
  scope: MerchantScope,
  keyId: string,
  input: z.infer<typeof keySettingsSchema>,
): Promise<KeyView> {
  const allowlist = validateAllowlist(input.ip_allowlist);

  if (!allowlist.ok) {
    throw new AppError(
      "invalid_request",
      `Not a valid IP address or CIDR range: ${allowlist.invalidEntries.join(", ")}`,
      { invalid_entries: allowlist.invalidEntries },
    );
  }

  return db.$transaction(async (tx) => {
    await findLiveKey(tx, scope, keyId);
    await tx.apiKey.update({
      where: { id: keyId },
      data: {
        ipAllowlist: JSON.stringify(allowlist.entries),
        webhookFormat: input.webhook_format,
        settingsSavedAt: new Date(),
      },
    });
    await tx.auditEvent.create({
      data: auditRow(
        {
          type: "key.settings_saved",
          outcome: "success",
          detail: `ip_allowlist=${allowlist.entries.length} format=${input.webhook_format}`,
          merchantId: scope.merchantId,
          apiKeyId: keyId,
        },
        scope.audit,
      ),
    });

    return readView(tx, keyId);
  });
}

/** Replaces the key's token set: the previous secret and every token of it stop working now. */
export async function generateTokens(
  scope: MerchantScope,
  keyId: string,
): Promise<{ key: KeyView; tokens: GeneratedTokens }> {
  const clientId = generateClientId();
  const clientSecret = generateToken();
  const now = new Date();

  return db.$transaction(async (tx) => {
    const key = await findLiveKey(tx, scope, keyId);

    if (!key.settingsSavedAt) {
      throw new AppError("conflict", "Save the key's settings before generating tokens.");
    }

    const earlierSets = await tx.tokenSet.count({ where: { apiKeyId: keyId } });
    const replaced = await revokeTokenSets(tx, {
      apiKeyId: keyId,
      merchantId: scope.merchantId,
      cause: "replaced",
      audit: scope.audit,
      now,
    });
    const set = await tx.tokenSet.create({
      data: {
        apiKeyId: keyId,
        clientId,
        clientSecretHash: hashSecret(clientSecret),
        createdAt: now,
      },
      select: { id: true },
    });
    const { grant, row } = newGrant(set.id, now);

    await tx.tokenGrant.create({ data: row });

    await tx.auditEvent.create({
      data: auditRow(
        {
          type: replaced > 0 ? "tokens.regenerated" : "tokens.generated",
          outcome: "success",
          detail:
            replaced > 0
              ? "replaced the previous token set"
              : earlierSets > 0
                ? "new token set; the previous one was already revoked"
                : "first token set",
          merchantId: scope.merchantId,
          apiKeyId: keyId,
          tokenSetId: set.id,
        },
        scope.audit,
      ),
    });

    return {
      key: await readView(tx, keyId),
      tokens: {
        client_id: clientId,
        client_secret: clientSecret,
        access_token: grant.accessToken,
        refresh_token: grant.refreshToken,
        access_token_expires_at: grant.accessExpiresAt.toISOString(),
        refresh_token_expires_at: grant.refreshExpiresAt.toISOString(),
      },
    };
  });
}

export async function setEnhancedSecurity(
  scope: MerchantScope,
  keyId: string,
  enabled: boolean,
): Promise<KeyView> {
  return db.$transaction(async (tx) => {
    await findLiveKey(tx, scope, keyId);

    if (enabled) {
      const liveSet = await tx.tokenSet.findFirst({
        where: { apiKeyId: keyId, revokedAt: null },
        select: { id: true },
      });

      if (!liveSet) {
        throw new AppError(
          "conflict",
          "Generate tokens for this key before turning on Enhance Security.",
        );
      }
    }

    await tx.apiKey.update({ where: { id: keyId }, data: { enhancedSecurity: enabled } });
    await tx.auditEvent.create({
      data: auditRow(
        {
          type: enabled ? "enhanced_security.enabled" : "enhanced_security.disabled",
          outcome: "success",
          merchantId: scope.merchantId,
          apiKeyId: keyId,
        },
        scope.audit,
      ),
    });

    return readView(tx, keyId);
  });
}

export async function revokeKey(scope: MerchantScope, keyId: string): Promise<KeyView> {
  const now = new Date();

  return db.$transaction(async (tx) => {
    const key = await findOwnKey(tx, scope, keyId);

    if (!key.revokedAt) {
      await revokeKeyAndTokens(tx, {
        apiKeyId: keyId,
        merchantId: scope.merchantId,
        audit: scope.audit,
        now,
        entry: { type: "key.revoked" },
      });
    }

    return readView(tx, keyId);
  });
}
