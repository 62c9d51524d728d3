"use client";

import type { ReactNode } from "react";

import { Timestamp } from "@/components/ui/timestamp";
import { useMediaQuery } from "@/components/ui/use-media-query";
import { WEBHOOK_FORMAT_LABELS } from "@/lib/webhook-format";

import { EnhanceSecuritySwitch } from "./enhance-security-switch";
import { describeTokens, summarizeIpAllowlist } from "./key-format";
import {
  KeyActions,
  KeyBadges,
  KeyIdentity,
  SettingsHint,
  type OnKeyIntent,
} from "./key-row-parts";
import type { KeyView, TokensView } from "./types";

type KeyListProps = { keys: KeyView[]; busyKeyId: string | null; onIntent: OnKeyIntent };

export function KeyList(props: KeyListProps) {
  const wide = useMediaQuery("(min-width: 768px)");
  return wide ? <KeyTable {...props} /> : <KeyCards {...props} />;
}

function lastUsed(key: KeyView): ReactNode {
  return key.last_used_at ? <Timestamp iso={key.last_used_at} /> : "Never";
}

function TokensState({ tokens }: { tokens: TokensView }) {
  const { text, until } = describeTokens(tokens);

  return until ? (
    <>
      {text} <Timestamp iso={until} />
    </>
  ) : (
    text
  );
}

function KeyTable({ keys, busyKeyId, onIntent }: KeyListProps) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[720px] text-left text-sm">
        <caption className="sr-only">API keys</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2.5">
              Key
            </th>
            <th scope="col" className="px-4 py-2.5">
              Created
            </th>
            <th scope="col" className="px-4 py-2.5">
              Restrictions
            </th>
            <th scope="col" className="px-4 py-2.5">
              Tokens
            </th>
            <th scope="col" className="px-4 py-2.5">
              Enhance Security
            </th>
            <th scope="col" className="px-4 py-2.5">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {keys.map((key) => (
            <tr
              key={key.id}
              data-testid="key-row"
              data-key-id={key.id}
              tabIndex={-1}
              className={`align-top focus:outline-none ${key.revoked_at ? "bg-slate-50/70" : ""}`}
            >
              <td className="px-4 py-3">
                <div className="flex flex-col items-start gap-1.5">
                  <KeyIdentity apiKey={key} />
                  <KeyBadges apiKey={key} />
                </div>
              </td>
              <td className="px-4 py-3 text-slate-700">
                <div>
                  <Timestamp iso={key.created_at} />
                </div>
                <div className="mt-0.5 text-xs text-slate-600">Last used: {lastUsed(key)}</div>
              </td>
              <td className="px-4 py-3 text-slate-700">
                <div className="wrap-anywhere">IP: {summarizeIpAllowlist(key.ip_allowlist)}</div>
                <div className="mt-0.5 text-xs text-slate-600">
                  Webhook: {WEBHOOK_FORMAT_LABELS[key.webhook_format]}
                </div>
              </td>
              <td className="px-4 py-3 text-slate-700">
                <TokensState tokens={key.tokens} />
              </td>
              <td className="px-4 py-3">
                <EnhanceSecuritySwitch
                  apiKey={key}
                  onRequestChange={(enable, opener) =>
                    onIntent(key, { kind: "enhance", enable }, opener)
                  }
                />
              </td>
              <td className="px-4 py-3">
                <KeyActions apiKey={key} busy={busyKeyId === key.id} onIntent={onIntent} />
                <SettingsHint apiKey={key} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyCards({ keys, busyKeyId, onIntent }: KeyListProps) {
  return (
    <ul className="divide-y divide-slate-200">
      {keys.map((key) => (
        <li
          key={key.id}
          data-testid="key-row"
          data-key-id={key.id}
          tabIndex={-1}
          className="px-4 py-4 focus:outline-none"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="min-w-0 break-words">
              <KeyIdentity apiKey={key} />
            </div>
            <KeyBadges apiKey={key} />
          </div>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <CardField term="Created" value={<Timestamp iso={key.created_at} />} />
            <CardField term="Last used" value={lastUsed(key)} />
            <CardField term="IP restriction" value={summarizeIpAllowlist(key.ip_allowlist)} />
            <CardField term="Webhook format" value={WEBHOOK_FORMAT_LABELS[key.webhook_format]} />
            <CardField term="Tokens" value={<TokensState tokens={key.tokens} />} />
          </dl>
          <div className="mt-3 flex items-start justify-between gap-3 rounded-lg bg-slate-50 px-3 py-2.5">
            <span className="pt-0.5 text-sm font-medium text-slate-800">Enhance Security</span>
            <EnhanceSecuritySwitch
              apiKey={key}
              onRequestChange={(enable, opener) =>
                onIntent(key, { kind: "enhance", enable }, opener)
              }
            />
          </div>
          <div className="mt-3">
            <KeyActions apiKey={key} busy={busyKeyId === key.id} onIntent={onIntent} />
            <SettingsHint apiKey={key} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function CardField({ term, value }: { term: string; value: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{term}</dt>
      <dd className="min-w-0 wrap-anywhere text-slate-900">{value}</dd>
    </>
  );
}
