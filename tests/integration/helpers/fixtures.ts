import { objectField, stringField, type HttpResult } from "./http";
import type { PortalClient } from "./portal-client";
import type { ClientCredentials } from "./public-api";

export type IssuedTokens = {
  clientId: string;
  clientSecret: string;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
};

export type ProvisionedKey = {
  keyId: string;
  apiKey: string;
  tokens: IssuedTokens;
  credentials: ClientCredentials;
};

function expectStatus(result: HttpResult, status: number, what: string): void {
  if (result.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${result.status} ${result.text}`);
  }
}

export async function createKey(portal: PortalClient, label?: string) {
  const result = await portal.send("POST", "/api/keys", label === undefined ? {} : { label });

  expectStatus(result, 201, "Creating a key");

  return {
    keyId: stringField(objectField(result.json, "key"), "id"),
    apiKey: stringField(result.json, "api_key"),
  };
}

export async function saveSettings(
  portal: PortalClient,
  keyId: string,
  ipAllowlist: string[] = [],
) {
  const result = await portal.send("PUT", `/api/keys/${keyId}/settings`, {
    ip_allowlist: ipAllowlist,
    webhook_format: "single",
  });

  expectStatus(result, 200, "Saving settings");
}

export function tokensOf(result: HttpResult): IssuedTokens {
  const tokens = objectField(result.json, "tokens");

  return {
    clientId: stringField(tokens, "client_id"),
    clientSecret: stringField(tokens, "client_secret"),
    accessToken: stringField(tokens, "access_token"),
    refreshToken: stringField(tokens, "refresh_token"),
    accessTokenExpiresAt: stringField(tokens, "access_token_expires_at"),
    refreshTokenExpiresAt: stringField(tokens, "refresh_token_expires_at"),
  };
}

export async function generateTokens(portal: PortalClient, keyId: string): Promise<IssuedTokens> {
  const result = await portal.send("POST", `/api/keys/${keyId}/tokens`);

  expectStatus(result, 201, "Generating tokens");

  return tokensOf(result);
}

export async function setEnhancedSecurity(portal: PortalClient, keyId: string, enabled: boolean) {
  const result = await portal.send("PUT", `/api/keys/${keyId}/enhanced-security`, { enabled });

  expectStatus(result, 200, "Setting Enhance Security");
}

/** The guide's steps 1 to 3: a key, its settings saved, tokens generated. */
export async function provisionKey(
  portal: PortalClient,
  options: { ipAllowlist?: string[] } = {},
): Promise<ProvisionedKey> {
  const { keyId, apiKey } = await createKey(portal);

  await saveSettings(portal, keyId, options.ipAllowlist);

  const tokens = await generateTokens(portal, keyId);

  return {
    keyId,
    apiKey,
    tokens,
    credentials: { apiKey, clientId: tokens.clientId, clientSecret: tokens.clientSecret },
  };
}
