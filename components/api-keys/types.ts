import type { WebhookFormat } from "@/lib/webhook-format";

export type TokenState = "none" | "active" | "expired" | "revoked";

export type TokensView = {
  state: TokenState;
  client_id: string | null;
  access_token_expires_at: string | null;
  refresh_token_expires_at: string | null;
};

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
  tokens: TokensView;
};

export type KeyListResponse = { keys: KeyView[] };

export type KeyResponse = { key: KeyView };

export type CreateKeyResponse = { key: KeyView; api_key: string };

export type IssuedTokens = {
  client_id: string;
  client_secret: string;
  access_token: string;
  refresh_token: string;
  access_token_expires_at: string;
  refresh_token_expires_at: string;
};

export type GenerateTokensResponse = { key: KeyView; tokens: IssuedTokens };

export type KeySettingsInput = { ip_allowlist: string[]; webhook_format: WebhookFormat };
