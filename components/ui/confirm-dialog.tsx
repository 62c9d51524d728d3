"use client";

import { Dialog } from "radix-ui";
import type { ReactNode } from "react";

import { Button } from "./button";
import { DialogFooter, DialogShell } from "./dialog-shell";

type ConfirmDialogProps = {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  tone?: "primary" | "danger";
  onConfirm: () => void;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
  children?: ReactNode;
};

export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  pendingLabel,
  pending,
  tone = "primary",
  onConfirm,
  onOpenChange,
  onCloseAutoFocus,
  children,
}: ConfirmDialogProps) {
  return (
    <DialogShell
      title={title}
      description={description}
      onOpenChange={(open) => {
        if (!pending) {
          onOpenChange(open);
        }
      }}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      {children}
      <DialogFooter>
        <Dialog.Close asChild>
          <Button disabled={pending}>Cancel</Button>
        </Dialog.Close>
        <Button variant={tone} disabled={pending} aria-busy={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </DialogFooter>
    </DialogShell>
  );
}
