"use client";

import { Dialog } from "radix-ui";
import type { ReactNode } from "react";

export type DialogShellProps = {
  title: string;
  description: ReactNode;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
  /** False for a dialog that shows a secret once: only its own button closes it. */
  dismissible?: boolean;
  size?: "md" | "lg";
  children?: ReactNode;
};

export function DialogShell({
  title,
  description,
  onOpenChange,
  onCloseAutoFocus,
  dismissible = true,
  size = "md",
  children,
}: DialogShellProps) {
  return (
    <Dialog.Root open onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40 backdrop-blur-[1px]" />
        <Dialog.Content
          onCloseAutoFocus={onCloseAutoFocus}
          onPointerDownOutside={(event) => {
            if (!dismissible) {
              event.preventDefault();
            }
          }}
          onEscapeKeyDown={(event) => {
            if (!dismissible) {
              event.preventDefault();
            }
          }}
          className={`fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-5 shadow-xl ring-1 ring-slate-200 focus:outline-none sm:p-6 ${
            size === "lg" ? "max-w-2xl" : "max-w-lg"
          }`}
        >
          <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description className="mt-1.5 text-sm text-slate-600">
            {description}
          </Dialog.Description>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export function DialogFooter({ children }: { children: ReactNode }) {
  return (
    <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{children}</div>
  );
}
