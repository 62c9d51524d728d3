import type { Prisma } from "./generated/prisma/client";

export const AUDIT_EVENT_TYPES = [
  "api.authorize",
  "api.refresh",
  "api.account",
  "refresh.reuse_detected",
  "key.created",
  "key.settings_saved",
  "key.revoked",
  "tokens.generated",
  "tokens.regenerated",
  "tokens.revoked",
  "enhanced_security.enabled",
  "enhanced_security.disabled",
  "auth.sign_in",
  "support.key_revoked",
  "support.tokens_revoked",
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export type AuditOutcome = "success" | "denied";

/** Who and where: the request an audit row is written for. */
export type AuditContext = {
  requestId: string;
  clientAddress: string | null;
  userAgent: string | null;
  actorUserId?: string | null;
};

export type AuditEntry = {
  type: AuditEventType;
  outcome: AuditOutcome;
  reason?: string | null;
  detail?: string | null;
  merchantId?: string | null;
  apiKeyId?: string | null;
  tokenSetId?: string | null;
};

const MAX_USER_AGENT = 256;

/** Builds the row. Never pass a secret, token or any part of one into an entry. */
export function auditRow(entry: AuditEntry, context: AuditContext): Prisma.AuditEventCreateInput {
  return {
    type: entry.type,
    outcome: entry.outcome,
    reason: entry.reason ?? null,
    detail: entry.detail ?? null,
    merchantId: entry.merchantId ?? null,
    apiKeyId: entry.apiKeyId ?? null,
    tokenSetId: entry.tokenSetId ?? null,
    actorUserId: context.actorUserId ?? null,
    requestId: context.requestId,
    clientAddress: context.clientAddress,
    userAgent: context.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
  };
}
