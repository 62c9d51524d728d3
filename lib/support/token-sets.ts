import { db } from "../db";
import { AppError } from "../errors";
import { findAuditPage, type AuditEventView } from "./audit-log";

export type TokenSetState = "active" | "expired" | "rotated" | "revoked" | "reuse_detected";

type GrantRow = {
  createdAt: Date;
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
  rotatedAt: Date | null;
  lastUsedAt: Date | null;
  lastClientAddress: string | null;
};

export type TokenSetRow = {
  id: string;
  clientId: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  grants: GrantRow[];
};

/** Metadata only: neither the client secret's hash nor any token hash is selected. */
export const tokenSetSelect = {
  id: true,
  clientId: true,
  createdAt: true,
  revokedAt: true,
  revokedReason: true,
  grants: {
    orderBy: { createdAt: "asc" },
    select: {
      createdAt: true,
      accessExpiresAt: true,
      refreshExpiresAt: true,
      rotatedAt: true,
      lastUsedAt: true,
      lastClientAddress: true,
    },
  },
} as const;

export type TokenSetView = {
  id: string;
  client_id: string;
  state: TokenSetState;
  issued_at: string;
  access_expires_at: string | null;
  refresh_expires_at: string | null;
  last_used_at: string | null;
  last_client_address: string | null;
  refresh_count: number;
  revoked_at: string | null;
  revoked_reason: string | null;
};

export function tokenSetState(set: TokenSetRow, now: Date): TokenSetState {
  if (set.revokedReason === "refresh_token_reuse") {
    return "reuse_detected";
  }

  if (set.revokedReason === "replaced") {
    return "rotated";
  }

  if (set.revokedAt) {
    return "revoked";
  }

  const current = set.grants.findLast((grant) => grant.rotatedAt === null);

  return current && current.refreshExpiresAt > now ? "active" : "expired";
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

export function toTokenSetView(set: TokenSetRow, now = new Date()): TokenSetView {
  const current = set.grants.findLast((grant) => grant.rotatedAt === null) ?? set.grants.at(-1);
  const lastUsed = set.grants
    .filter((grant) => grant.lastUsedAt !== null)
    .reduce<GrantRow | null>(
      (latest, grant) =>
        !latest || (grant.lastUsedAt ?? 0) > (latest.lastUsedAt ?? 0) ? grant : latest,
      null,
    );

  return {
    id: set.id,
    client_id: set.clientId,
    state: tokenSetState(set, now),
    issued_at: set.createdAt.toISOString(),
    access_expires_at: iso(current?.accessExpiresAt),
    refresh_expires_at: iso(current?.refreshExpiresAt),
    last_used_at: iso(lastUsed?.lastUsedAt),
    last_client_address: lastUsed?.lastClientAddress ?? null,
    refresh_count: Math.max(0, set.grants.length - 1),
    revoked_at: iso(set.revokedAt),
    revoked_reason: set.revokedReason,
  };
}

const TIMELINE_LIMIT = 200;

export type TokenSetAudit = {
  token_set: TokenSetView;
  api_key: { id: string; label: string; hint: string; revoked_at: string | null };
  merchant: { id: string; name: string };
  timeline: AuditEventView[];
  timeline_truncated: boolean;
};

/** The family's history, oldest first: issue, each refresh, denials, reuse and revocation. */
export async function getTokenSetAudit(tokenSetId: string): Promise<TokenSetAudit> {
  const set = await db.tokenSet.findUnique({
    where: { id: tokenSetId },
    select: {
      ...tokenSetSelect,
      apiKey: {
        select: {
          id: true,
          label: true,
          keyHint: true,
          revokedAt: true,
          merchant: { select: { id: true, name: true } },
        },
      },
    },
  });

  if (!set) {
    throw new AppError("not_found", "No such token set.");
  }

  const page = await findAuditPage({ token_set_id: set.id }, { limit: TIMELINE_LIMIT });

  return {
    token_set: toTokenSetView(set),
    api_key: {
      id: set.apiKey.id,
      label: set.apiKey.label,
      hint: set.apiKey.keyHint,
      revoked_at: iso(set.apiKey.revokedAt),
    },
    merchant: set.apiKey.merchant,
    timeline: page.events.reverse(),
    timeline_truncated: page.next_cursor !== null,
  };
}
