import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/ui/timestamp";
import type { AuditEventView } from "@/lib/support/audit-log";

import { eventLabel, reasonText } from "./labels";

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <Badge tone={outcome === "success" ? "green" : "red"}>{outcome}</Badge>;
}

export function actorLabel(event: AuditEventView): string {
  if (event.actor?.kind === "user") {
    return event.actor.email ?? event.actor.id;
  }

  return event.actor?.kind === "api_key" ? `API key ${event.api_key?.hint ?? ""}`.trim() : "—";
}

/** One event as a readable block: what, when, who, from where, and the exact reason. */
export function AuditEventCard({ event }: { event: AuditEventView }) {
  const explanation = reasonText(event.reason);

  return (
    <div data-testid="audit-event" className="text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{eventLabel(event.type)}</span>
        <OutcomeBadge outcome={event.outcome} />
        <Timestamp iso={event.created_at} className="text-slate-600" />
      </div>
      {event.reason ? (
        <p className="mt-1 text-slate-800">
          Reason: <code className="font-mono text-xs">{event.reason}</code>
          {explanation ? ` — ${explanation}` : null}
        </p>
      ) : null}
      {event.detail ? (
        <p className="mt-0.5 whitespace-pre-line text-slate-700">Detail: {event.detail}</p>
      ) : null}
      <p className="mt-0.5 text-xs break-all text-slate-600">
        By {actorLabel(event)}
        {event.client_address ? ` · from ${event.client_address}` : ""}
        {event.request_id ? ` · request ${event.request_id}` : ""}
      </p>
    </div>
  );
}
