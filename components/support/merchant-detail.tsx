"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { summarizeIpAllowlist } from "@/components/api-keys/key-format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Timestamp } from "@/components/ui/timestamp";
import type { SupportKeyView } from "@/lib/support/merchants";
import type { TokenSetView } from "@/lib/support/token-sets";
import { WEBHOOK_FORMAT_LABELS } from "@/lib/webhook-format";

import { TOKEN_SET_STATE_LABELS, TOKEN_SET_STATE_TONES } from "./labels";
import { Field, Panel, QueryState } from "./panel";
import { RevokeWithReasonDialog, type RevokeTarget } from "./revoke-with-reason-dialog";
import { supportQueries } from "./support-queries";

const when = (iso: string | null) => (iso ? <Timestamp iso={iso} /> : "Never");

export function MerchantDetailView({ merchantId }: { merchantId: string }) {
  const detail = useQuery(supportQueries.merchant(merchantId));
  const [revoking, setRevoking] = useState<RevokeTarget | null>(null);
  const merchant = detail.data?.merchant;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        {merchant?.name ?? "Merchant"}
      </h1>
      {merchant ? (
        <p className="mt-1 text-sm text-slate-600">
          Users: {merchant.user_emails.join(", ") || "none"} ·{" "}
          <Link
            href={`/support/audit?merchant_id=${merchant.id}`}
            className="font-medium text-indigo-700 hover:underline"
          >
            Audit log for this merchant
          </Link>
        </p>
      ) : null}
      <div className="mt-6 space-y-6">
        <QueryState
          isPending={detail.isPending}
          error={detail.error}
          what="the merchant"
          onRetry={() => void detail.refetch()}
        />
        {detail.data && detail.data.keys.length === 0 ? (
          <p className="text-sm text-slate-600">This merchant has no API keys.</p>
        ) : null}
        {detail.data?.keys.map((key) => (
          <KeyPanel key={key.id} apiKey={key} onRevoke={setRevoking} />
        ))}
      </div>
      {revoking ? (
        <RevokeWithReasonDialog target={revoking} onClose={() => setRevoking(null)} />
      ) : null}
    </>
  );
}

type KeyPanelProps = { apiKey: SupportKeyView; onRevoke: (target: RevokeTarget) => void };

function KeyPanel({ apiKey, onRevoke }: KeyPanelProps) {
  const name = `${apiKey.label} (${apiKey.key_hint})`;

  return (
    <div data-testid="support-key" data-key-id={apiKey.id}>
      <Panel
        title={name}
        actions={
          <div className="flex items-center gap-2">
            {apiKey.state === "revoked" ? (
              <Badge tone="red">Revoked</Badge>
            ) : (
              <>
                <Badge tone="green">Active</Badge>
                <Button
                  size="sm"
                  variant="danger-outline"
                  onClick={() => onRevoke({ kind: "key", id: apiKey.id, name })}
                >
                  Revoke key
                </Button>
              </>
            )}
          </div>
        }
      >
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 px-4 py-4 text-sm sm:grid-cols-3 sm:px-6">
          <Field term="Created" value={<Timestamp iso={apiKey.created_at} />} />
          <Field term="Last used" value={when(apiKey.last_used_at)} />
          <Field term="IP restriction" value={summarizeIpAllowlist(apiKey.ip_allowlist)} />
          <Field term="Webhook format" value={WEBHOOK_FORMAT_LABELS[apiKey.webhook_format]} />
          <Field term="Enhance Security" value={apiKey.enhanced_security ? "On" : "Off"} />
          <Field
            term="Revoked"
            value={apiKey.revoked_at ? <Timestamp iso={apiKey.revoked_at} /> : "No"}
          />
        </dl>
        <TokenSetList sets={apiKey.token_sets} />
      </Panel>
    </div>
  );
}

function TokenSetList({ sets }: { sets: TokenSetView[] }) {
  if (sets.length === 0) {
    return <p className="px-4 pb-4 text-sm text-slate-600 sm:px-6">No token sets.</p>;
  }

  return (
    <div className="relative overflow-x-auto border-t border-slate-200">
      <table className="w-full min-w-[760px] text-left text-sm">
        <caption className="sr-only">Token sets</caption>
        <thead className="bg-slate-50 text-xs font-medium text-slate-600">
          <tr>
            {["Client ID", "State", "Issued", "Expires", "Last used", "Refreshes", ""].map(
              (heading) => (
                <th key={heading} scope="col" className="px-4 py-2">
                  {heading || <span className="sr-only">Timeline</span>}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {sets.map((set) => (
            <tr key={set.id} data-testid="token-set-row" className="align-top">
              <td className="px-4 py-2 font-mono text-xs break-all">{set.client_id}</td>
              <td className="px-4 py-2">
                <Badge tone={TOKEN_SET_STATE_TONES[set.state]}>
                  {TOKEN_SET_STATE_LABELS[set.state]}
                </Badge>
              </td>
              <td className="px-4 py-2">
                <Timestamp iso={set.issued_at} />
              </td>
              <td className="px-4 py-2">
                {set.refresh_expires_at ? <Timestamp iso={set.refresh_expires_at} /> : "—"}
              </td>
              <td className="px-4 py-2">
                {when(set.last_used_at)}
                {set.last_client_address ? (
                  <div className="text-xs text-slate-600">from {set.last_client_address}</div>
                ) : null}
              </td>
              <td className="px-4 py-2">{set.refresh_count}</td>
              <td className="px-4 py-2">
                <Link
                  href={`/support/token-sets/${set.id}`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  Timeline
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
