"use client";

import { Dialog, RadioGroup } from "radix-ui";
import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { DialogFooter, DialogShell } from "@/components/ui/dialog-shell";
import {
  formatWebhookPayload,
  SAMPLE_PAYMENT_RESULT,
  WEBHOOK_FORMAT_LABELS,
  type WebhookFormat,
} from "@/lib/webhook-format";

import { ApiError, errorDescription } from "./fetch-json";
import { displayLabel } from "./key-format";
import type { KeyView } from "./types";
import { useSaveKeySettings } from "./use-key-mutations";

const FORMAT_HINTS: Record<WebhookFormat, string> = {
  single: "Outputs the data as a single JSON string.",
  multiple:
    "Outputs each field as a separate JSON line. Meant for Worldpay Corporate Gateway integrations.",
};

function parseAllowlist(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

type SettingsDialogProps = {
  apiKey: KeyView;
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
};

export function SettingsDialog({ apiKey, onClose, onCloseAutoFocus }: SettingsDialogProps) {
  const ids = { ip: useId(), ipHint: useId(), format: useId(), error: useId() };
  const [allowlist, setAllowlist] = useState(apiKey.ip_allowlist.join("\n"));
  const [format, setFormat] = useState<WebhookFormat>(apiKey.webhook_format);
  const saveSettings = useSaveKeySettings();
  const error = saveSettings.error;
  const invalidEntries = error instanceof ApiError ? error.invalid_entries : [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    saveSettings.mutate(
      {
        keyId: apiKey.id,
        settings: { ip_allowlist: parseAllowlist(allowlist), webhook_format: format },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <DialogShell
      title="Key settings"
      description={`IP restriction and webhook output for ${displayLabel(apiKey)} (${apiKey.key_hint}).`}
      size="lg"
      onOpenChange={(open) => {
        if (!open && !saveSettings.isPending) {
          onClose();
        }
      }}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <form onSubmit={submit} className="mt-5 space-y-6">
        <div>
          <label htmlFor={ids.ip} className="block text-sm font-medium text-slate-800">
            IP restriction
          </label>
          <p id={ids.ipHint} className="mt-1 text-xs text-slate-600">
            One IPv4 or IPv6 address or CIDR range per line, for example 203.0.113.10 or
            2001:db8::/32. Leave empty to accept calls from any address.
          </p>
          <textarea
            id={ids.ip}
            name="ip_allowlist"
            rows={5}
            value={allowlist}
            onChange={(event) => setAllowlist(event.target.value)}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-invalid={invalidEntries.length > 0}
            aria-describedby={error ? `${ids.ipHint} ${ids.error}` : ids.ipHint}
            placeholder={"203.0.113.10\n198.51.100.0/24"}
            className="mt-2 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/20 focus:outline-none aria-[invalid=true]:border-red-500"
          />
          {error ? <SettingsError id={ids.error} error={error} entries={invalidEntries} /> : null}
        </div>

        <fieldset>
          <legend id={ids.format} className="text-sm font-medium text-slate-800">
            Webhook output format
          </legend>
          <RadioGroup.Root
            aria-labelledby={ids.format}
            value={format}
            onValueChange={(value) => setFormat(value === "multiple" ? "multiple" : "single")}
            className="mt-2 grid gap-2 sm:grid-cols-2"
          >
            {(Object.keys(FORMAT_HINTS) as WebhookFormat[]).map((option) => (
              <FormatOption key={option} value={option} />
            ))}
          </RadioGroup.Root>
          <figure className="mt-3">
            <figcaption className="text-xs font-medium text-slate-600">
              Preview of a payment result webhook
            </figcaption>
            <pre className="mt-1.5 max-h-56 overflow-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-100">
              {formatWebhookPayload(SAMPLE_PAYMENT_RESULT, format)}
            </pre>
          </figure>
        </fieldset>

        <DialogFooter>
          <Dialog.Close asChild>
            <Button disabled={saveSettings.isPending}>Cancel</Button>
          </Dialog.Close>
          <Button
            type="submit"
            variant="primary"
            disabled={saveSettings.isPending}
            aria-busy={saveSettings.isPending}
          >
            Save
          </Button>
        </DialogFooter>
      </form>
    </DialogShell>
  );
}

function FormatOption({ value }: { value: WebhookFormat }) {
  const id = useId();
  const hintId = useId();

  return (
    <div className="flex items-start gap-3 rounded-lg border border-slate-200 p-3 has-[[data-state=checked]]:border-indigo-600 has-[[data-state=checked]]:bg-indigo-50/50">
      <RadioGroup.Item
        id={id}
        value={value}
        aria-describedby={hintId}
        className="mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full border border-slate-400 bg-white data-[state=checked]:border-indigo-600"
      >
        <RadioGroup.Indicator className="size-2 rounded-full bg-indigo-600" />
      </RadioGroup.Item>
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {WEBHOOK_FORMAT_LABELS[value]}
        </label>
        <p id={hintId} className="mt-0.5 text-xs text-slate-600">
          {FORMAT_HINTS[value]}
        </p>
      </div>
    </div>
  );
}

function SettingsError({ id, error, entries }: { id: string; error: Error; entries: string[] }) {
  return (
    <div id={id} role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {entries.length > 0 ? (
        <>
          <p>
            {entries.length === 1 ? "This entry is" : "These entries are"} not a valid IPv4 or IPv6
            address or CIDR range:
          </p>
          <ul className="mt-1 list-disc pl-5 font-mono text-xs">
            {entries.map((entry, index) => (
              <li key={`${index}-${entry}`} className="break-all">
                {entry}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{errorDescription(error)}</p>
      )}
    </div>
  );
}
