"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { ApiError } from "@/components/api-keys/fetch-json";
import { Button } from "@/components/ui/button";

import { AuditEventCard } from "./audit-event-parts";
import { INPUT_CLASS } from "./merchant-search";
import { Panel, QueryState } from "./panel";
import { supportQueries } from "./support-queries";

export function ExplainRequest({ initialRequestId }: { initialRequestId: string }) {
  const inputId = useId();
  const [draft, setDraft] = useState(initialRequestId);
  const [requestId, setRequestId] = useState(initialRequestId);
  const explained = useQuery(supportQueries.request(requestId));
  const isUnknown = explained.error instanceof ApiError && explained.error.status === 404;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRequestId(draft.trim());
  }

  return (
    <Panel title="Explain a rejection">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 px-4 py-4 sm:px-6">
        <div className="min-w-0 flex-1">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
            Request ID (the <code>request_id</code> of the error, or the X-Request-Id header)
          </label>
          <input
            id={inputId}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            required
            autoComplete="off"
            className={`${INPUT_CLASS} font-mono`}
          />
        </div>
        <Button type="submit" variant="primary">
          Explain
        </Button>
      </form>
      {isUnknown ? (
        <p
          role="status"
          className="border-t border-slate-200 px-4 py-6 text-sm text-slate-700 sm:px-6"
        >
          No event was recorded with request ID <code className="font-mono">{requestId}</code>.
          Check it for a typo: every answer of Keyward&apos;s API is recorded under its ID.
        </p>
      ) : requestId ? (
        <QueryState
          isPending={explained.isPending}
          error={explained.error}
          what="this request"
          onRetry={() => void explained.refetch()}
        />
      ) : null}
      {explained.data ? (
        <ol className="divide-y divide-slate-200 border-t border-slate-200">
          {explained.data.map((event) => (
            <li key={event.id} className="px-4 py-3 sm:px-6">
              <AuditEventCard event={event} />
            </li>
          ))}
        </ol>
      ) : null}
    </Panel>
  );
}
