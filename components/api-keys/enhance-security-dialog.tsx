"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

import { displayLabel } from "./key-format";
import type { KeyView } from "./types";
import { useSetEnhancedSecurity } from "./use-key-mutations";

type EnhanceSecurityDialogProps = {
  apiKey: KeyView;
  enable: boolean;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
};

export function EnhanceSecurityDialog({
  apiKey,
  enable,
  onClose,
  onCloseAutoFocus,
}: EnhanceSecurityDialogProps) {
  const setEnhancedSecurity = useSetEnhancedSecurity();

  return (
    <ConfirmDialog
      title={enable ? "Turn on Enhance Security?" : "Turn off Enhance Security?"}
      description={
        enable
          ? "With Enhance Security on, API calls with this key must also send a valid ACCESS-TOKEN header; calls with the API key alone are refused."
          : "With Enhance Security off, API calls with this key no longer need an ACCESS-TOKEN header: the API key alone is accepted again."
      }
      confirmLabel={enable ? "Turn on" : "Turn off"}
      pendingLabel={enable ? "Turning on…" : "Turning off…"}
      tone={enable ? "primary" : "danger"}
      pending={setEnhancedSecurity.isPending}
      onConfirm={() =>
        setEnhancedSecurity.mutate({ keyId: apiKey.id, enabled: enable }, { onSettled: onClose })
      }
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
      {enable ? (
        <p className="mt-3 text-sm text-slate-600">
          Make sure your integration already sends the access token, and refreshes it before it
          expires, before you turn this on.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
