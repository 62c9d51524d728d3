"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Timestamp } from "@/components/ui/timestamp";

import { AuditEventCard } from "./audit-event-parts";
import { reasonText, TOKEN_SET_STATE_LABELS, TOKEN_SET_STATE_TONES } from "./labels";
import { Field, Panel, QueryState } from "./panel";
import { RevokeWithReasonDialog } from "./revoke-with-reason-dialog";
import { supportQueries } from "./support-queries";

const when = (iso: string | null) => (iso ? <Timestamp iso={iso} /> : "—");

export function TokenSetAuditView({ tokenSetId }: { tokenSetId: string }) {
  const audit = useQuery(supportQueries.tokenSet(tokenSetId));
  const [isRevoking, setRevoking] = useState(false);
  const data = audit.data;
  const set = data?.token_set;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Token family</h1>
      {data ? (
        <p className="mt-1 text-sm text-slate-600">
          <Link
            href={`/support/merchants/${data.merchant.id}`}
            className="font-medium text-indigo-700 hover:underline"
          >
            {data.merchant.name}
          </Link>{" "}
          · key {data.api_key.label} <span className="font-mono text-xs">{data.api_key.hint}</span>
        </p>
      ) : null}
      <div className="mt-6 space-y-6">
        <QueryState
          isPending={audit.isPending}
          error={audit.error}
          what="the token set"
          onRetry={() => void audit.refetch()}
        />
        {set ? (
          <Panel
            title={`Client ID ${set.client_id}`}
            actions={
              <div className="flex items-center gap-2">
                <Badge tone={TOKEN_SET_STATE_TONES[set.state]}>
                  {TOKEN_SET_STATE_LABELS[set.state]}
                </Badge>
                {set.revoked_at ? null : (
                  <Button size="sm" variant="danger-outline" onClick={() => setRevoking(true)}>
                    Revoke token family
                  </Button>
                )}
              </div>
            }
          >
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 px-4 py-4 text-sm sm:grid-cols-3 sm:px-6">
              <Field term="Issued" value={<Timestamp iso={set.issued_at} />} />
              <Field term="Access token expires" value={when(set.access_expires_at)} />
              <Field term="Refresh token expires" value={when(set.refresh_expires_at)} />
              <Field term="Last used" value={when(set.last_used_at)} />
              <Field term="Last client address" value={set.last_client_address ?? "—"} />
              <Field term="Refreshes" value={String(set.refresh_count)} />
              {set.revoked_at ? (
                <Field
                  term="Revoked"
                  value={
                    <>
                      <Timestamp iso={set.revoked_at} />:{" "}
                      {reasonText(set.revoked_reason) ?? set.revoked_reason ?? ""}
                    </>
                  }
                />
              ) : null}
            </dl>
          </Panel>
        ) : null}
        {data ? (
          <Panel title="Timeline">
            <ol className="divide-y divide-slate-200" aria-label="Token family timeline">
              {data.timeline.map((event) => (
                <li key={event.id} className="px-4 py-3 sm:px-6">
                  <AuditEventCard event={event} />
                </li>
              ))}
            </ol>
            {data.timeline_truncated ? (
              <p className="px-4 pb-4 text-sm text-slate-600 sm:px-6">
                Showing the latest events only;{" "}
                <Link
                  href={`/support/audit?token_set_id=${set?.id ?? ""}`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  open the full history in the audit log
                </Link>
                .
              </p>
            ) : null}
          </Panel>
        ) : null}
      </div>
      {isRevoking && set ? (
        <RevokeWithReasonDialog
          target={{ kind: "token-set", id: set.id, name: `Token family ${set.client_id}` }}
          onClose={() => setRevoking(false)}
        />
      ) : null}
    </>
  );
}
