"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useRef, useState, type MouseEvent } from "react";

import { Button } from "@/components/ui/button";

import { CreateKeyFlow } from "./create-key-flow";
import { EnhanceSecurityDialog } from "./enhance-security-dialog";
import { errorDescription } from "./fetch-json";
import { hasTokens } from "./key-format";
import { KeyList } from "./key-list";
import { keyQueries } from "./key-queries";
import type { KeyIntent, OnKeyIntent } from "./key-row-parts";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { SettingsDialog } from "./settings-dialog";
import { TokensFlow } from "./tokens-flow";
import type { KeyView } from "./types";

type OpenDialog = { kind: "create" } | (KeyIntent & { key: KeyView });

export function ApiKeysPanel() {
  const keysQuery = useQuery(keyQueries.list());
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const open = useCallback((next: OpenDialog, opener: HTMLElement | null) => {
    openerRef.current = opener;
    setDialog(next);
  }, []);

  const close = useCallback(() => setDialog(null), []);

  const restoreFocus = useCallback((event: Event) => {
    event.preventDefault();
    const opener = openerRef.current;
    const target =
      opener?.isConnected && !opener.hasAttribute("disabled") ? opener : headingRef.current;
    target?.focus();
  }, []);

  const onIntent: OnKeyIntent = useCallback(
    (key, intent, opener) => open({ ...intent, key }, opener),
    [open],
  );

  const startCreate = (event: MouseEvent<HTMLButtonElement>) =>
    open({ kind: "create" }, event.currentTarget);

  const keys = keysQuery.data;
  const busyKeyId = dialog?.kind === "tokens" ? dialog.key.id : null;

  return (
    <section
      aria-labelledby="api-keys-heading"
      className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-4 sm:px-6">
        <div>
          <h2
            id="api-keys-heading"
            ref={headingRef}
            tabIndex={-1}
            className="text-base font-semibold text-slate-900 focus:outline-none"
          >
            API keys
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            Newest first. Secrets are never shown again.
          </p>
        </div>
        {keys && keys.length > 0 ? (
          <Button variant="primary" onClick={startCreate}>
            Generate API Key
          </Button>
        ) : null}
      </div>

      {keysQuery.isPending ? <LoadingKeys /> : null}
      {keysQuery.isError && !keys ? (
        <div role="alert" className="px-4 py-10 text-center sm:px-6">
          <p className="font-medium text-slate-900">Could not load your API keys.</p>
          <p className="mt-1 text-sm text-slate-600">{errorDescription(keysQuery.error)}</p>
          <Button
            className="mt-4"
            disabled={keysQuery.isFetching}
            onClick={() => void keysQuery.refetch()}
          >
            Retry
          </Button>
        </div>
      ) : null}
      {keys && keys.length === 0 ? (
        <div className="px-4 py-12 text-center sm:px-6">
          <p className="font-medium text-slate-900">No API keys yet</p>
          <p className="mx-auto mt-1 max-w-sm text-sm text-slate-600">
            Generate a key to let your server call the Keyward payment API.
          </p>
          <Button variant="primary" className="mt-4" onClick={startCreate}>
            Generate API Key
          </Button>
        </div>
      ) : null}
      {keys && keys.length > 0 ? (
        <KeyList keys={keys} busyKeyId={busyKeyId} onIntent={onIntent} />
      ) : null}

      {dialog ? (
        <PanelDialog dialog={dialog} onClose={close} onCloseAutoFocus={restoreFocus} />
      ) : null}
    </section>
  );
}

type PanelDialogProps = {
  dialog: OpenDialog;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
};

function PanelDialog({ dialog, onClose, onCloseAutoFocus }: PanelDialogProps) {
  const common = { onClose, onCloseAutoFocus };

  switch (dialog.kind) {
    case "create":
      return <CreateKeyFlow {...common} />;
    case "settings":
      return <SettingsDialog apiKey={dialog.key} {...common} />;
    case "tokens":
      return <TokensFlow apiKey={dialog.key} confirmFirst={hasTokens(dialog.key)} {...common} />;
    case "enhance":
      return <EnhanceSecurityDialog apiKey={dialog.key} enable={dialog.enable} {...common} />;
    case "revoke":
      return <RevokeKeyDialog apiKey={dialog.key} {...common} />;
  }
}

function LoadingKeys() {
  return (
    <div role="status" className="px-4 py-6 sm:px-6">
      <p className="mb-4 text-sm text-slate-600">Loading keys…</p>
      <div aria-hidden className="animate-pulse space-y-4">
        {[0, 1, 2].map((row) => (
          <div key={row} className="flex items-center gap-4">
            <div className="h-4 w-40 rounded bg-slate-200" />
            <div className="h-4 flex-1 rounded bg-slate-100" />
            <div className="h-8 w-24 rounded bg-slate-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
