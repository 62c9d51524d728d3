"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useId, useState } from "react";

import { Timestamp } from "@/components/ui/timestamp";

import { Panel, QueryState } from "./panel";
import { supportQueries } from "./support-queries";

export const INPUT_CLASS =
  "mt-1.5 block h-10 w-full rounded-md border border-slate-300 px-3 text-sm shadow-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/20 focus:outline-none";

export function MerchantSearch() {
  const inputId = useId();
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query.trim());
  const merchants = useQuery(supportQueries.merchants(deferredQuery));

  return (
    <Panel title="Merchants">
      <div className="px-4 py-4 sm:px-6">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          Search by merchant name, merchant id or user email
        </label>
        <input
          id={inputId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          className={`${INPUT_CLASS} max-w-md`}
        />
      </div>
      <QueryState
        isPending={merchants.isPending}
        error={merchants.error}
        what="merchants"
        onRetry={() => void merchants.refetch()}
      />
      {merchants.data && merchants.data.merchants.length === 0 ? (
        <p className="px-4 pb-6 text-sm text-slate-600 sm:px-6">No merchant matches.</p>
      ) : null}
      {merchants.data && merchants.data.merchants.length > 0 ? (
        <ul className="divide-y divide-slate-200 border-t border-slate-200">
          {merchants.data.merchants.map((merchant) => (
            <li key={merchant.id} className="px-4 py-3 sm:px-6">
              <Link
                href={`/support/merchants/${merchant.id}`}
                className="font-medium text-indigo-700 hover:underline"
              >
                {merchant.name}
              </Link>
              <p className="mt-0.5 text-sm text-slate-600">
                {merchant.live_key_count} live of {merchant.key_count} keys · since{" "}
                <Timestamp iso={merchant.created_at} />
              </p>
              <p className="mt-0.5 text-xs break-all text-slate-500">
                {merchant.user_emails.join(", ")}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {merchants.data?.has_more ? (
        <p className="border-t border-slate-200 px-4 py-3 text-sm text-slate-600 sm:px-6">
          Showing the first {merchants.data.merchants.length} by name. More merchants match: narrow
          the search to find the others.
        </p>
      ) : null}
    </Panel>
  );
}
