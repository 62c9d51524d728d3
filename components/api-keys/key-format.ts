import type { KeyView, TokensView } from "./types";

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "always" });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatRelative(iso: string, now: number = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const size = Math.abs(diff);
  if (size >= DAY) {
    return relative.format(Math.round(diff / DAY), "day");
  }
  if (size >= HOUR - MINUTE / 2) {
    return relative.format(Math.round(diff / HOUR), "hour");
  }
  return relative.format(Math.round(diff / MINUTE), "minute");
}

export function displayLabel(key: KeyView): string {
  return key.label.trim() || key.key_hint;
}

export function summarizeIpAllowlist(entries: string[]): string {
  if (entries.length === 0) {
    return "Any address";
  }
  return entries.length === 1 ? entries[0] : `${entries[0]} +${entries.length - 1} more`;
}

const REVOKED_TEXT: Record<string, string> = {
  support_revoked: "Revoked by Keyward support: generate new tokens",
  refresh_token_reuse: "Revoked: a used refresh token was presented again",
};

/** The state of a key's tokens; `until` is the access token's expiry while it is valid. */
export function describeTokens(
  tokens: TokensView,
  now: number = Date.now(),
): { text: string; until: string | null } {
  switch (tokens.state) {
    case "none":
      return { text: "No tokens", until: null };
    case "revoked":
      return { text: REVOKED_TEXT[tokens.revoked_reason ?? ""] ?? "Revoked", until: null };
    case "expired":
      return { text: "Access token expired", until: null };
    case "active": {
      const expiresAt = tokens.access_token_expires_at;
      if (!expiresAt) {
        return { text: "Access token valid", until: null };
      }
      if (new Date(expiresAt).getTime() <= now) {
        return { text: "Access token expired", until: null };
      }
      return { text: "Access token valid until", until: expiresAt };
    }
  }
}

export function hasTokens(key: KeyView): boolean {
  return key.tokens.state !== "none";
}

export function canGenerateTokens(key: KeyView): boolean {
  return key.settings_saved_at !== null && key.revoked_at === null;
}
