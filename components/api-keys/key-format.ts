import type { KeyView, TokensView } from "./types";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "always" });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

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

export function formatExpiry(iso: string): string {
  return `Expires at ${formatDateTime(iso)} (${formatRelative(iso)})`;
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

export function describeTokens(tokens: TokensView, now: number = Date.now()): string {
  switch (tokens.state) {
    case "none":
      return "No tokens";
    case "revoked":
      return REVOKED_TEXT[tokens.revoked_reason ?? ""] ?? "Revoked";
    case "expired":
      return "Access token expired";
    case "active": {
      const expiresAt = tokens.access_token_expires_at;
      if (!expiresAt) {
        return "Access token valid";
      }
      if (new Date(expiresAt).getTime() <= now) {
        return "Access token expired";
      }
      return `Access token valid until ${formatDateTime(expiresAt)}`;
    }
  }
}

export function hasTokens(key: KeyView): boolean {
  return key.tokens.state !== "none";
}

export function canGenerateTokens(key: KeyView): boolean {
  return key.settings_saved_at !== null && key.revoked_at === null;
}
