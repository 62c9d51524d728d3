import type { WebhookFormat } from "@/lib/webhook-format";
import type { KeyView } from "@/lib/api-keys/views";

export type { KeyView, TokenState } from "@/lib/api-keys/views";

export type TokensView = KeyView["tokens"];

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
