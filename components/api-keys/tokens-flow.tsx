"use client";

import { Dialog } from "radix-ui";
import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogFooter, DialogShell } from "@/components/ui/dialog-shell";
import { SecretField } from "@/components/ui/secret-field";
import { Timestamp } from "@/components/ui/timestamp";

import { displayLabel, formatRelative } from "./key-format";
import type { IssuedTokens, KeyView } from "./types";
import { useGenerateTokens } from "./use-key-mutations";

type TokensFlowProps = {
  apiKey: KeyView;
  confirmFirst: boolean;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
};

export function TokensFlow({ apiKey, confirmFirst, onClose, onCloseAutoFocus }: TokensFlowProps) {
  const [tokens, setTokens] = useState<IssuedTokens | null>(null);
  const generateTokens = useGenerateTokens(setTokens);
  const { mutate } = generateTokens;
  const started = useRef(false);

  const generate = () => mutate(apiKey.id, { onError: onClose });

  useEffect(() => {
    if (!confirmFirst && !started.current) {
      started.current = true;
      mutate(apiKey.id, { onError: onClose });
    }
  }, [confirmFirst, mutate, apiKey.id, onClose]);

  if (tokens) {
    return (
      <IssuedTokensDialog
        apiKey={apiKey}
        tokens={tokens}
        onClose={() => {
          setTokens(null);
          onClose();
        }}
        onCloseAutoFocus={onCloseAutoFocus}
      />
    );
  }

  if (!confirmFirst) {
    return null;
  }

  return (
    <ConfirmDialog
      title="Replace tokens?"
      description="Generating new tokens replaces the current set: the current client secret, access token and refresh token stop working immediately."
      confirmLabel="Generate new tokens"
      pendingLabel="Generating…"
      pending={generateTokens.isPending}
      onConfirm={generate}
      onOpenChange={(open) => {
        if (!open) {
          onClose();
        }
      }}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <p className="mt-3 text-sm text-slate-600">
        Key: <span className="font-medium text-slate-900">{displayLabel(apiKey)}</span>{" "}
        <span className="font-mono text-xs">{apiKey.key_hint}</span>
      </p>
    </ConfirmDialog>
  );
}

type IssuedTokensDialogProps = {
  apiKey: KeyView;
  tokens: IssuedTokens;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
};

function IssuedTokensDialog({
  apiKey,
  tokens,
  onClose,
  onCloseAutoFocus,
}: IssuedTokensDialogProps) {
  return (
    <DialogShell
      title="Tokens generated"
      description={`New credentials for ${displayLabel(apiKey)}. Copy them now: the client secret, access token and refresh token will not be shown again.`}
      size="lg"
      dismissible={false}
      onOpenChange={(open) => {
        if (!open) {
          onClose();
        }
      }}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <SecretField label="Client ID" value={tokens.client_id} testId="client-id" />
      <SecretField label="Client Secret" value={tokens.client_secret} testId="client-secret" />
      <SecretField
        label="Access Token"
        value={tokens.access_token}
        testId="access-token"
        hint={<ExpiryHint iso={tokens.access_token_expires_at} />}
      />
      <SecretField
        label="Refresh Token"
        value={tokens.refresh_token}
        testId="refresh-token"
        hint={<ExpiryHint iso={tokens.refresh_token_expires_at} />}
      />
      <p className="mt-5 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/20 ring-inset">
        Send the access token in the ACCESS-TOKEN header. Use the refresh token to get a new access
        token before it expires.
      </p>
      <DialogFooter>
        <Dialog.Close asChild>
          <Button variant="primary">Close</Button>
        </Dialog.Close>
      </DialogFooter>
    </DialogShell>
  );
}

function ExpiryHint({ iso }: { iso: string }) {
  return (
    <>
      Expires at <Timestamp iso={iso} /> ({formatRelative(iso)})
    </>
  );
}
