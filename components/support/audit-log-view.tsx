"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Timestamp } from "@/components/ui/timestamp";
import { AUDIT_EVENT_TYPES, AUDIT_OUTCOMES } from "@/lib/audit";

import { actorLabel, OutcomeBadge } from "./audit-event-parts";
import { eventLabel } from "./labels";
import { INPUT_CLASS } from "./merchant-search";
import { Panel, QueryState } from "./panel";
import { supportQueries } from "./support-queries";

const TEXT_FILTERS = [
  { name: "merchant_id", label: "Merchant ID" },
  { name: "key_id", label: "Key ID" },
  { name: "request_id", label: "Request ID" },
  { name: "client_address", label: "Client address" },
] as const;

/** Only the filters that have a value, in a stable order, as a query string. */
function toQueryString(form: FormData | URLSearchParams): string {
  const params = new URLSearchParams();

  for (const [name, value] of form) {
    if (typeof value === "string" && value.trim() !== "") {
      params.set(name, value.trim());
    }
  }

  params.sort();

  return params.toString();
}

export function AuditLogView({ initialQuery }: { initialQuery: string }) {
  const formId = useId();
  const [query, setQuery] = useState(() => toQueryString(new URLSearchParams(initialQuery)));
  const initial = new URLSearchParams(initialQuery);
  const audit = useInfiniteQuery(supportQueries.audit(query));
  const events = audit.data?.pages.flatMap((page) => page.events) ?? [];

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = toQueryString(new FormData(event.currentTarget));

    setQuery(next);
    window.history.replaceState(null, "", next ? `?${next}` : window.location.pathname);
  }

  return (
    <div className="space-y-6">
      <Panel title="Filters">
        <form
          id={formId}
          onSubmit={apply}
          className="grid gap-4 px-4 py-4 sm:grid-cols-2 sm:px-6 lg:grid-cols-4"
        >
          {TEXT_FILTERS.map((filter) => (
            <label key={filter.name} className="block text-sm font-medium text-slate-800">
              {filter.label}
              <input
                name={filter.name}
                defaultValue={initial.get(filter.name) ?? ""}
                className={INPUT_CLASS}
              />
            </label>
          ))}
          <label className="block text-sm font-medium text-slate-800">
            Event type
            <select name="type" defaultValue={initial.get("type") ?? ""} className={INPUT_CLASS}>
              <option value="">Any</option>
              {AUDIT_EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {eventLabel(type)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-800">
            Outcome
            <select
              name="outcome"
              defaultValue={initial.get("outcome") ?? ""}
              className={INPUT_CLASS}
            >
              <option value="">Any</option>
              {AUDIT_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {outcome}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-medium text-slate-800">
            From (UTC date)
            <input
              type="date"
              name="from"
              defaultValue={initial.get("from") ?? ""}
              className={INPUT_CLASS}
            />
          </label>
          <label className="block text-sm font-medium text-slate-800">
            To (UTC date, inclusive)
            <input
              type="date"
              name="to"
              defaultValue={initial.get("to") ?? ""}
              className={INPUT_CLASS}
            />
          </label>
          {initial.get("token_set_id") ? (
            <input type="hidden" name="token_set_id" value={initial.get("token_set_id") ?? ""} />
          ) : null}
          <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
            <Button type="submit" variant="primary">
              Apply filters
            </Button>
            <a
              href={`/api/support/audit/export${query ? `?${query}` : ""}`}
              className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
              download
            >
              Export CSV
            </a>
          </div>
        </form>
      </Panel>
      <Panel title="Events (newest first)">
        <QueryState
          isPending={audit.isPending}
          error={audit.data ? null : audit.error}
          what="audit events"
          onRetry={() => void audit.refetch()}
        />
        {audit.data && events.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600 sm:px-6">No events match these filters.</p>
        ) : null}
        {events.length > 0 ? (
          <div className="relative overflow-x-auto">
            <table className="w-full min-w-[960px] text-left text-sm">
              <caption className="sr-only">Audit events</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
                <tr>
                  {[
                    "Time",
                    "Event",
                    "Outcome",
                    "Reason",
                    "Merchant / key",
                    "Actor",
                    "Client",
                    "Request ID",
                  ].map((heading) => (
                    <th key={heading} scope="col" className="px-3 py-2">
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {events.map((event) => (
                  <tr key={event.id} data-testid="audit-row" className="align-top">
                    <td className="px-3 py-2 whitespace-nowrap">
                      <Timestamp iso={event.created_at} />
                    </td>
                    <td className="px-3 py-2">{eventLabel(event.type)}</td>
                    <td className="px-3 py-2">
                      <OutcomeBadge outcome={event.outcome} />
                    </td>
                    <td className="px-3 py-2">
                      {event.reason ? (
                        <code className="font-mono text-xs">{event.reason}</code>
                      ) : null}
                      {event.detail ? (
                        <div className="text-xs whitespace-pre-line text-slate-600">
                          {event.detail}
                        </div>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">
                      {event.merchant?.name ?? "—"}
                      {event.api_key ? (
                        <div className="font-mono text-xs text-slate-600">{event.api_key.hint}</div>
                      ) : null}
                    </td>
                    <td className="min-w-40 px-3 py-2 break-words">{actorLabel(event)}</td>
                    <td className="px-3 py-2">{event.client_address ?? "—"}</td>
                    <td className="px-3 py-2 font-mono text-xs break-all">{event.request_id}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {audit.hasNextPage ? (
          <div className="border-t border-slate-200 px-4 py-3 sm:px-6">
            <Button
              onClick={() => void audit.fetchNextPage()}
              disabled={audit.isFetchingNextPage}
              aria-busy={audit.isFetchingNextPage}
            >
              {audit.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        ) : null}
      </Panel>
    </div>
  );
}
