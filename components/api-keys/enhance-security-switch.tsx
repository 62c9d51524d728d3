"use client";

import { Switch } from "radix-ui";
import { useId, useRef } from "react";

import { displayLabel } from "./key-format";
import type { KeyView } from "./types";

function disabledReason(key: KeyView): string | null {
  if (key.revoked_at) {
    return "Not available for a revoked key.";
  }
  if (!key.enhanced_security && key.tokens.state !== "active") {
    return key.tokens.state === "none"
      ? "Generate tokens to turn this on."
      : "Generate new tokens to turn this on.";
  }
  return null;
}

type EnhanceSecuritySwitchProps = {
  apiKey: KeyView;
  onRequestChange: (enable: boolean, opener: HTMLElement | null) => void;
};

export function EnhanceSecuritySwitch({ apiKey, onRequestChange }: EnhanceSecuritySwitchProps) {
  const hintId = useId();
  const reason = disabledReason(apiKey);
  const checked = apiKey.enhanced_security;
  const switchRef = useRef<HTMLButtonElement>(null);

  return (
    <div>
      <div className="flex items-center gap-2">
        <Switch.Root
          ref={switchRef}
          checked={checked}
          disabled={reason !== null}
          aria-label={`Enhance Security for ${displayLabel(apiKey)}`}
          aria-describedby={reason ? hintId : undefined}
          onCheckedChange={(next) => onRequestChange(next, switchRef.current)}
          className="relative inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full bg-slate-300 transition-colors disabled:cursor-not-allowed disabled:opacity-50 data-[state=checked]:bg-green-600"
        >
          <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow ring-0 transition-transform data-[state=checked]:translate-x-[22px]" />
        </Switch.Root>
        <span aria-hidden className="text-sm text-slate-700">
          {checked ? "On" : "Off"}
        </span>
      </div>
      {reason ? (
        <p id={hintId} className="mt-1 max-w-48 text-xs text-slate-600">
          {reason}
        </p>
      ) : null}
    </div>
  );
}
