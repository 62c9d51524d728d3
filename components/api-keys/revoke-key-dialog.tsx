"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

import { displayLabel } from "./key-format";
import type { KeyView } from "./types";
import { useRevokeKey } from "./use-key-mutations";

type RevokeKeyDialogProps = {
  apiKey: KeyView;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
};

export function RevokeKeyDialog({ apiKey, onClose, onCloseAutoFocus }: RevokeKeyDialogProps) {
  const revokeKey = useRevokeKey();

  return (
    <ConfirmDialog
      title="Revoke API key?"
      description="Revoking is immediate: the key and all its tokens stop working."
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      tone="danger"
      pending={revokeKey.isPending}
      onConfirm={() => revokeKey.mutate(apiKey.id, { onSettled: onClose })}
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
      <p className="mt-2 text-sm text-slate-600">This cannot be undone.</p>
    </ConfirmDialog>
  );
}
