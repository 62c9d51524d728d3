"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Dialog } from "radix-ui";
import { useId, useState, type FormEvent } from "react";

import { errorDescription, fetchJson } from "@/components/api-keys/fetch-json";
import { Button } from "@/components/ui/button";
import { DialogFooter, DialogShell } from "@/components/ui/dialog-shell";
import { useToast } from "@/components/ui/toaster";

import { supportQueries } from "./support-queries";

type RevokeTarget = { kind: "key" | "token-set"; id: string; name: string };

type RevokeWithReasonDialogProps = { target: RevokeTarget; onClose: () => void };

const MIN_REASON = 5;

/** Support revocations always carry a reason: it lands in the audit row and the merchant sees it. */
export function RevokeWithReasonDialog({ target, onClose }: RevokeWithReasonDialogProps) {
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const queryClient = useQueryClient();
  const toast = useToast();
  const isKey = target.kind === "key";
  const group = `support-revoke:${target.kind}:${target.id}`;
  const revoke = useMutation({
    mutationFn: (text: string) =>
      fetchJson(`/api/support/${isKey ? "keys" : "token-sets"}/${target.id}/revoke`, {
        method: "POST",
        json: { reason: text },
      }),
    onSuccess: () => {
      toast({ tone: "success", title: `${target.name} revoked`, group });
      onClose();
    },
    onError: (error) =>
      toast({
        tone: "error",
        title: "Could not revoke",
        description: errorDescription(error),
        group,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: supportQueries.all() }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    revoke.mutate(reason.trim());
  }

  return (
    <DialogShell
      title={isKey ? "Revoke API key?" : "Revoke token family?"}
      description={
        isKey
          ? "The key and all its tokens stop working on the integrator's next call."
          : "This client ID, its access and refresh tokens stop working on the next call."
      }
      onOpenChange={(open) => {
        if (!open && !revoke.isPending) {
          onClose();
        }
      }}
    >
      <form onSubmit={submit} className="mt-4">
        <p className="text-sm text-slate-600">
          Target: <span className="font-medium text-slate-900">{target.name}</span>
        </p>
        <label htmlFor={reasonId} className="mt-3 block text-sm font-medium text-slate-800">
          Reason (required, recorded in the audit log)
        </label>
        <textarea
          id={reasonId}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          minLength={MIN_REASON}
          maxLength={500}
          rows={3}
          className="mt-1.5 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/20 focus:outline-none"
        />
        {revoke.isError ? (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {errorDescription(revoke.error)}
          </p>
        ) : null}
        <DialogFooter>
          <Dialog.Close asChild>
            <Button disabled={revoke.isPending}>Cancel</Button>
          </Dialog.Close>
          <Button
            type="submit"
            variant="danger"
            disabled={revoke.isPending || reason.trim().length < MIN_REASON}
            aria-busy={revoke.isPending}
          >
            {revoke.isPending ? "Revoking…" : "Revoke"}
          </Button>
        </DialogFooter>
      </form>
    </DialogShell>
  );
}

export type { RevokeTarget };
