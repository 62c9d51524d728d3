"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

import { Button } from "./button";

type CopyStatus = "idle" | "copied" | "failed";

const STATUS_TEXT: Record<CopyStatus, string> = {
  idle: "",
  copied: "Copied",
  failed: "Copy failed. Select the value and copy it manually.",
};

type SecretFieldProps = { label: string; value: string; testId: string; hint?: ReactNode };

export function SecretField({ label, value, testId, hint }: SecretFieldProps) {
  const labelId = useId();
  const [status, setStatus] = useState<CopyStatus>("idle");
  const resetTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(resetTimer.current), []);

  async function copy() {
    clearTimeout(resetTimer.current);
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
    resetTimer.current = setTimeout(() => setStatus("idle"), 2500);
  }

  return (
    <div role="group" aria-labelledby={labelId} className="mt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span id={labelId} className="text-sm font-medium text-slate-800">
          {label}
        </span>
        <span
          role="status"
          className={`text-xs font-medium ${status === "failed" ? "text-red-700" : "text-green-700"}`}
        >
          {STATUS_TEXT[status]}
        </span>
      </div>
      <div className="mt-1.5 flex items-start gap-2">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
        >
          {value}
        </code>
        <Button onClick={copy} aria-label={`Copy ${label}`}>
          Copy
        </Button>
      </div>
      {hint ? <p className="mt-1 text-xs text-slate-600">{hint}</p> : null}
    </div>
  );
}
