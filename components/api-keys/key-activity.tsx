"use client";

import { useQuery } from "@tanstack/react-query";

import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import { eventLabel, reasonText } from "@/components/support/labels";
import { Panel, QueryState } from "@/components/support/panel";

import { displayLabel } from "./key-format";
import { keyQueries } from "./key-queries";

export function KeyActivityView({ keyId }: { keyId: string }) {
  const activity = useQuery(keyQueries.activity(keyId));
  const data = activity.data;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Activity{data ? ` of ${displayLabel(data.key)}` : ""}
      </h1>
      {data ? (
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono text-xs">{data.key.key_hint}</span> · last used{" "}
          {data.key.last_used_at ? <Timestamp iso={data.key.last_used_at} /> : "never"}
          {data.key.revoked_at ? (
            <>
              {" "}
              · revoked <Timestamp iso={data.key.revoked_at} />
            </>
          ) : null}
        </p>
      ) : null}
      <div className="mt-6 space-y-6">
        <QueryState
          isPending={activity.isPending}
          error={activity.error}
          what="the key's activity"
          onRetry={() => void activity.refetch()}
        />
        {data ? (
          <Panel title="Recent calls">
            {data.recent_calls.length === 0 ? (
              <p className="px-4 py-6 text-sm text-slate-600 sm:px-6">No calls yet.</p>
            ) : (
              <ul className="divide-y divide-slate-200">
                {data.recent_calls.map((call) => (
                  <li key={call.id} data-testid="key-call" className="px-4 py-3 text-sm sm:px-6">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{eventLabel(call.type)}</span>
                      <Badge tone={call.outcome === "success" ? "green" : "red"}>
                        {call.outcome}
                      </Badge>
                      <Timestamp iso={call.created_at} className="text-slate-600" />
                      <span className="text-slate-600">
                        from {call.client_address ?? "unknown"}
                      </span>
                    </div>
                    {call.reason ? (
                      <p className="mt-0.5 text-slate-700">
                        <code className="font-mono text-xs">{call.reason}</code>
                        {reasonText(call.reason) ? ` — ${reasonText(call.reason)}` : ""}
                      </p>
                    ) : null}
                    <p className="mt-0.5 font-mono text-xs break-all text-slate-500">
                      request {call.request_id}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        ) : null}
        {data ? (
          <Panel title="Key history">
            <ul className="divide-y divide-slate-200">
              {data.events.map((event) => (
                <li key={event.id} data-testid="key-event" className="px-4 py-3 text-sm sm:px-6">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{eventLabel(event.type)}</span>
                    <Timestamp iso={event.created_at} className="text-slate-600" />
                  </div>
                  {event.reason || event.detail ? (
                    <p className="mt-0.5 whitespace-pre-line text-slate-700">
                      {[reasonText(event.reason) ?? event.reason, event.detail]
                        .filter(Boolean)
                        .join(" — ")}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </Panel>
        ) : null}
      </div>
    </>
  );
}
