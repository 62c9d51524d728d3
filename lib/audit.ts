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
  "auth.sign_out",
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

export type AuditRecord = {
  type: AuditEventType;
  outcome: AuditOutcome;
  reason: string | null;
  detail: string | null;
  merchantId: string | null;
  apiKeyId: string | null;
  tokenSetId: string | null;
  actorUserId: string | null;
  requestId: string;
  clientAddress: string | null;
  userAgent: string | null;
};

/** Builds the row. Never pass a secret, token or any part of one into an entry. */
export function auditRow(entry: AuditEntry, context: AuditContext): AuditRecord {
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

export const AUDIT_OUTCOMES = ["success", "denied"] as const;

export const AUDIT_EVENT_LABELS: Record<AuditEventType, string> = {
  "api.authorize": "API: authorize",
  "api.refresh": "API: refresh",
  "api.account": "API: account",
  "refresh.reuse_detected": "Refresh token reuse detected",
  "key.created": "Key generated",
  "key.settings_saved": "Key settings saved",
  "key.revoked": "Key revoked",
  "tokens.generated": "Tokens generated",
  "tokens.regenerated": "Tokens regenerated",
  "tokens.revoked": "Token family revoked",
  "enhanced_security.enabled": "Enhance Security on",
  "enhanced_security.disabled": "Enhance Security off",
  "auth.sign_in": "Sign-in",
  "auth.sign_out": "Sign-out",
  "support.key_revoked": "Key revoked by support",
  "support.tokens_revoked": "Token family revoked by support",
};

/** What each reason code in the reason column means, for people reading the log. */
export const AUDIT_REASON_TEXT: Record<string, string> = {
  invalid_client: "The API key or the client credentials did not match, or were revoked.",
  invalid_token: "The access token was unknown to this client, or replaced by a refresh.",
  token_expired: "The access token had expired.",
  ip_not_allowed: "The caller's address is not in the key's IP restriction.",
  key_not_active: "The key's settings had never been saved, so it was not active yet.",
  invalid_grant: "The refresh token was unknown, expired, or already used.",
  enhanced_security_required: "Enhance Security is on and no valid access token was sent.",
  invalid_request: "The request was malformed: a header or body field was missing or invalid.",
  method_not_allowed: "The request used the wrong HTTP method.",
  payload_too_large: "The request body was too large.",
  rate_limited: "Too many failed attempts from this address.",
  invalid_credentials: "Wrong email or password, or the user is disabled.",
  sign_in_throttled: "Too many failed sign-ins for this email or from this address.",
  replaced: "Replaced by newly generated tokens.",
  key_revoked: "The API key was revoked.",
  support_revoked: "Revoked by Keyward support.",
};

export function isApiCallType(type: string): boolean {
  return type.startsWith("api.");
}
