"use client";

import { Toast } from "radix-ui";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

export type ToastInput = {
  title: string;
  description?: string;
  tone?: "success" | "error";
  /** One action on one target, such as `settings:<key id>`: its newest toast replaces the rest. */
  group?: string;
};

type ToastItem = ToastInput & { id: number };

const MAX_TOASTS = 4;

function supersedes(next: ToastInput, shown: ToastInput): boolean {
  const isSameGroup = next.group !== undefined && next.group === shown.group;
  const isSameText =
    next.tone === shown.tone &&
    next.title === shown.title &&
    next.description === shown.description;

  return isSameGroup || isSameText;
}

/** A success clears its action's stale errors; a repeated toast shows once, with a fresh timer. */
function withToast(current: ToastItem[], next: ToastItem): ToastItem[] {
  const kept = current.filter((shown) => !supersedes(next, shown));

  return [...kept.slice(-(MAX_TOASTS - 1)), next];
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

export function useToast(): (toast: ToastInput) => void {
  const push = useContext(ToastContext);
  if (!push) {
    throw new Error("useToast must be used inside <Toaster>");
  }
  return push;
}

export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);

  const push = useCallback((toast: ToastInput) => {
    nextId.current += 1;
    const id = nextId.current;
    setToasts((current) => withToast(current, { ...toast, id }));
  }, []);

  const remove = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  return (
    <ToastContext value={push}>
      <Toast.Provider swipeDirection="right" label="Notification">
        {children}
        {toasts.map((toast) => (
          <ToastCard key={toast.id} toast={toast} onDismiss={() => remove(toast.id)} />
        ))}
        <Toast.Viewport className="fixed right-0 bottom-0 z-40 m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none sm:p-6" />
      </Toast.Provider>
    </ToastContext>
  );
}

function ToastCard({ toast, onDismiss }: { toast: ToastItem; onDismiss: () => void }) {
  const isError = toast.tone === "error";

  return (
    <Toast.Root
      data-testid="toast"
      type={isError ? "foreground" : "background"}
      duration={isError ? 10000 : 5000}
      onOpenChange={(open) => {
        if (!open) {
          onDismiss();
        }
      }}
      className={`flex items-start gap-3 rounded-lg border bg-white p-4 shadow-lg ${
        isError ? "border-red-200" : "border-slate-200"
      } data-[swipe=end]:translate-x-full data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)]`}
    >
      <span
        aria-hidden
        className={`mt-1.5 size-2 shrink-0 rounded-full ${isError ? "bg-red-600" : "bg-green-600"}`}
      />
      <div className="min-w-0 flex-1">
        <Toast.Title className="text-sm font-semibold text-slate-900">{toast.title}</Toast.Title>
        {toast.description ? (
          <Toast.Description className="mt-1 text-sm break-words text-slate-600">
            {toast.description}
          </Toast.Description>
        ) : null}
      </div>
      <Toast.Close
        aria-label="Dismiss notification"
        className="rounded px-1 text-lg leading-none text-slate-500 hover:text-slate-900"
      >
        <span aria-hidden>×</span>
      </Toast.Close>
    </Toast.Root>
  );
}
