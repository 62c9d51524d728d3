import { ACCESS_TOKEN_TTL_SECONDS, type IssuedGrant } from "../tokens";
import type { AccountSummary } from "./account";
import type { Authorized } from "./authorize";

export function authorizedResponse(result: Authorized, now = new Date()) {
  return {
    authorized: true,
    client_id: result.clientId,
    access_token_expires_at: result.accessTokenExpiresAt.toISOString(),
    expires_in: Math.max(
      0,
      Math.floor((result.accessTokenExpiresAt.getTime() - now.getTime()) / 1000),
    ),
    enhanced_security: result.enhancedSecurity,
  };
}

export function accessTokenResponse(grant: IssuedGrant) {
  return {
    access_token: grant.accessToken,
    refresh_token: grant.refreshToken,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    expires_at: grant.accessExpiresAt.toISOString(),
    refresh_token_expires_at: grant.refreshExpiresAt.toISOString(),
  };
}

export function accountResponse(result: AccountSummary) {
  return {
    merchant: { id: result.merchant.id, name: result.merchant.name },
    api_key: {
      id: result.apiKey.id,
      label: result.apiKey.label,
      key_hint: result.apiKey.hint,
      webhook_format: result.apiKey.webhookFormat,
      enhanced_security: result.enhancedSecurity,
    },
  };
}
