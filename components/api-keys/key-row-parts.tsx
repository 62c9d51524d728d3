"use client";

import Link from "next/link";
import type { MouseEvent } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

import { canGenerateTokens, displayLabel } from "./key-format";
import type { KeyView } from "./types";

export type KeyIntent =
  | { kind: "settings" }
  | { kind: "tokens" }
  | { kind: "revoke" }
  | { kind: "enhance"; enable: boolean };

export type OnKeyIntent = (key: KeyView, intent: KeyIntent, opener: HTMLElement | null) => void;

export function KeyIdentity({ apiKey }: { apiKey: KeyView }) {
  return (
    <>
      <span className="font-medium text-slate-900">{displayLabel(apiKey)}</span>{" "}
      <span className="font-mono text-xs text-slate-600">{apiKey.key_hint}</span>
    </>
  );
}

export function KeyBadges({ apiKey }: { apiKey: KeyView }) {
  if (apiKey.revoked_at) {
    return <Badge tone="red">Revoked</Badge>;
  }
  if (apiKey.settings_saved_at) {
    return <Badge tone="green">Saved and active</Badge>;
  }
  return <Badge tone="amber">Settings not saved</Badge>;
}

type KeyActionsProps = { apiKey: KeyView; busy: boolean; onIntent: OnKeyIntent };

function ActivityLink({ apiKey }: { apiKey: KeyView }) {
  return (
    <Link
      href={`/account-security/api-secret-key/${apiKey.id}/activity`}
      aria-label={`Activity of ${displayLabel(apiKey)}`}
      className="inline-flex h-8 items-center rounded-md px-2 text-sm font-medium text-indigo-700 hover:underline"
    >
      Activity
    </Link>
  );
}

export function KeyActions({ apiKey, busy, onIntent }: KeyActionsProps) {
  if (apiKey.revoked_at) {
    return <ActivityLink apiKey={apiKey} />;
  }

  const fire = (intent: KeyIntent) => (event: MouseEvent<HTMLButtonElement>) =>
    onIntent(apiKey, intent, event.currentTarget);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={fire({ kind: "settings" })}>
        Settings
      </Button>
      {canGenerateTokens(apiKey) ? (
        <Button size="sm" disabled={busy} aria-busy={busy} onClick={fire({ kind: "tokens" })}>
          Generate Tokens
        </Button>
      ) : null}
      <Button
        size="sm"
        variant="danger-outline"
        onClick={(event) =>
          onIntent(
            apiKey,
            { kind: "revoke" },
            event.currentTarget.closest<HTMLElement>("[data-key-id]"),
          )
        }
      >
        Revoke
      </Button>
      <ActivityLink apiKey={apiKey} />
    </div>
  );
}

export function SettingsHint({ apiKey }: { apiKey: KeyView }) {
  if (apiKey.revoked_at || apiKey.settings_saved_at) {
    return null;
  }
  return (
    <p className="mt-1 text-xs text-slate-600">
      Save its settings to activate the key and generate tokens.
    </p>
  );
}
