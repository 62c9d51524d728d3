export type DenialReason =
  | "invalid_client"
  | "invalid_token"
  | "token_expired"
  | "ip_not_allowed"
  | "key_not_active"
  | "invalid_grant"
  | "enhanced_security_required";

/** A refused call is an answer, not an exception: the reason, a finer detail for the audit log. */
export type Denial = {
  ok: false;
  reason: DenialReason;
  detail: string;
  merchantId?: string;
  apiKeyId?: string;
  tokenSetId?: string;
};

export const DENIAL_DESCRIPTIONS: Record<DenialReason, string> = {
  invalid_client: "The API key or the client credentials are not valid.",
  invalid_token: "The access token is not valid.",
  token_expired: "The access token has expired. Renew it with the refresh token.",
  ip_not_allowed: "Calls with this API key are not allowed from this address.",
  key_not_active: "This API key is not active yet: save its settings in the portal first.",
  invalid_grant: "The refresh token is not valid.",
  enhanced_security_required:
    "Enhance Security is on for this API key: send a valid ACCESS-TOKEN header.",
};

export type DenialIds = Pick<Denial, "merchantId" | "apiKeyId" | "tokenSetId">;

/** The merchant, key and token set a denial names: what its audit row points at. */
export function denialIds({ merchantId, apiKeyId, tokenSetId }: Denial): DenialIds {
  return { merchantId, apiKeyId, tokenSetId };
}

export function deny(reason: DenialReason, detail: string, ids: DenialIds = {}): Denial {
  return { ok: false, reason, detail, ...ids };
}
