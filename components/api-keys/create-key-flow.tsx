"use client";

import { Dialog } from "radix-ui";
import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { DialogFooter, DialogShell } from "@/components/ui/dialog-shell";
import { SecretField } from "@/components/ui/secret-field";

import { errorDescription } from "./fetch-json";
import { useCreateKey, type CreatedKey } from "./use-key-mutations";

const LABEL_MAX = 60;

type CreateKeyFlowProps = {
  onClose: () => void;
  onCloseAutoFocus: (event: Event) => void;
};

export function CreateKeyFlow({ onClose, onCloseAutoFocus }: CreateKeyFlowProps) {
  const [created, setCreated] = useState<CreatedKey | null>(null);

  if (created) {
    return (
      <DialogShell
        title="API key created"
        description="Copy this key now. You will not see it again."
        dismissible={false}
        onOpenChange={(open) => {
          if (!open) {
            setCreated(null);
            onClose();
          }
        }}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <SecretField label="API secret key" value={created.apiKey} testId="new-api-key" />
        <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-600/20 ring-inset">
          Store it in your server&apos;s secret manager. Next, open <strong>Settings</strong> to
          restrict the key to your server addresses and choose a webhook format.
        </p>
        <DialogFooter>
          <Dialog.Close asChild>
            <Button variant="primary">Close</Button>
          </Dialog.Close>
        </DialogFooter>
      </DialogShell>
    );
  }

  return <LabelStep onCreated={setCreated} onClose={onClose} onCloseAutoFocus={onCloseAutoFocus} />;
}

type LabelStepProps = CreateKeyFlowProps & { onCreated: (created: CreatedKey) => void };

function LabelStep({ onCreated, onClose, onCloseAutoFocus }: LabelStepProps) {
  const inputId = useId();
  const hintId = useId();
  const [label, setLabel] = useState("");
  const createKey = useCreateKey(onCreated);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = label.trim();
    createKey.mutate(trimmed ? { label: trimmed } : {});
  }

  return (
    <DialogShell
      title="New API key"
      description="The key is shown once, right after it is created."
      onOpenChange={(open) => {
        if (!open && !createKey.isPending) {
          onClose();
        }
      }}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <form onSubmit={submit} className="mt-4">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          Label <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input
          id={inputId}
          name="label"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          maxLength={LABEL_MAX}
          autoComplete="off"
          aria-describedby={hintId}
          placeholder="Production server"
          className="mt-1.5 block h-10 w-full rounded-md border border-slate-300 px-3 text-sm shadow-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/20 focus:outline-none"
        />
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          Helps you tell keys apart. Up to {LABEL_MAX} characters.
        </p>
        {createKey.isError ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {errorDescription(createKey.error)}
          </p>
        ) : null}
        <DialogFooter>
          <Dialog.Close asChild>
            <Button disabled={createKey.isPending}>Cancel</Button>
          </Dialog.Close>
          <Button
            type="submit"
            variant="primary"
            disabled={createKey.isPending}
            aria-busy={createKey.isPending}
          >
            Generate API Key
          </Button>
        </DialogFooter>
      </form>
    </DialogShell>
  );
}
