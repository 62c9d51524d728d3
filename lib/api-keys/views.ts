import type { WebhookFormat } from "../webhook-format";

export type TokenState = "none" | "active" | "expired" | "revoked";

export type KeyView = {
  id: string;
  label: string;
  key_hint: string;
  created_at: string;
  last_used_at: string | null;
  ip_allowlist: string[];
  webhook_format: WebhookFormat;
  settings_saved_at: string | null;
  enhanced_security: boolean;
  revoked_at: string | null;
  tokens: {
    state: TokenState;
    /** Why the latest token set stopped working, when it was revoked: a cause code. */
    revoked_reason: string | null;
    client_id: string | null;
    access_token_expires_at: string | null;
    refresh_token_expires_at: string | null;
  };
};

/** The only columns that leave the database for the portal: no hash is ever selected. */
export const keyViewSelect = {
  id: true,
  label: true,
  keyHint: true,
  createdAt: true,
  lastUsedAt: true,
  ipAllowlist: true,
  webhookFormat: true,
  settingsSavedAt: true,
  enhancedSecurity: true,
  revokedAt: true,
  tokenSets: {
    orderBy: { createdAt: "desc" },
    take: 1,
    select: {
      clientId: true,
      revokedAt: true,
      revokedReason: true,
      grants: {
        where: { rotatedAt: null },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { accessExpiresAt: true, refreshExpiresAt: true },
      },
    },
  },
} as const;

type KeyRow = {
  id: string;
  label: string;
  keyHint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  ipAllowlist: string;
  webhookFormat: string;
  settingsSavedAt: Date | null;
  enhancedSecurity: boolean;
  revokedAt: Date | null;
  tokenSets: {
    clientId: string;
    revokedAt: Date | null;
    revokedReason: string | null;
    grants: { accessExpiresAt: Date; refreshExpiresAt: Date }[];
  }[];
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

function tokenState(row: KeyRow, now: Date): TokenState {
  const set = row.tokenSets[0];
  const grant = set?.grants[0];

  if (!set) {
    return row.revokedAt ? "revoked" : "none";
  }

  if (row.revokedAt || set.revokedAt || !grant || grant.refreshExpiresAt <= now) {
    return "revoked";
  }

  return grant.accessExpiresAt > now ? "active" : "expired";
}

export function toKeyView(row: KeyRow, now = new Date()): KeyView {
  const set = row.tokenSets[0];
  const grant = set?.grants[0];
  const state = tokenState(row, now);
  const isLive = state === "active" || state === "expired";

  return {
    id: row.id,
    label: row.label,
    key_hint: row.keyHint,
    created_at: row.createdAt.toISOString(),
    last_used_at: iso(row.lastUsedAt),
    ip_allowlist: JSON.parse(row.ipAllowlist) as string[],
    webhook_format: row.webhookFormat as WebhookFormat,
    settings_saved_at: iso(row.settingsSavedAt),
    enhanced_security: row.enhancedSecurity,
    revoked_at: iso(row.revokedAt),
    tokens: {
      state,
      revoked_reason: state === "revoked" ? (set?.revokedReason ?? null) : null,
      client_id: isLive ? (set?.clientId ?? null) : null,
      access_token_expires_at: isLive ? iso(grant?.accessExpiresAt ?? null) : null,
      refresh_token_expires_at: isLive ? iso(grant?.refreshExpiresAt ?? null) : null,
    },
  };
}
