import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { errorDescription } from "@/components/api-keys/fetch-json";

export function Panel({ title, actions, children }: PanelProps) {
  return (
    <section className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 sm:px-6">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

type PanelProps = { title: string; actions?: ReactNode; children: ReactNode };

type QueryStateProps = {
  isPending: boolean;
  error: unknown;
  what: string;
  onRetry: () => void;
};

/** Loading and failure states shared by the support screens; renders nothing once data is in. */
export function QueryState({ isPending, error, what, onRetry }: QueryStateProps) {
  if (isPending) {
    return (
      <p role="status" className="px-4 py-6 text-sm text-slate-600 sm:px-6">
        Loading {what}…
      </p>
    );
  }

  if (error) {
    return (
      <div role="alert" className="px-4 py-6 sm:px-6">
        <p className="font-medium text-slate-900">Could not load {what}.</p>
        <p className="mt-1 text-sm text-slate-600">{errorDescription(error)}</p>
        <Button className="mt-3" size="sm" onClick={onRetry}>
          Retry
        </Button>
      </div>
    );
  }

  return null;
}

export function Field({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-600">{term}</dt>
      <dd className="wrap-anywhere text-slate-900">{value}</dd>
    </div>
  );
}
