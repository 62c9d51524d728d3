import { stringify } from "csv-stringify/sync";

import { logger } from "../logger";
import { findAuditPage, type AuditEventView, type AuditFilter } from "./audit-log";

const BATCH_SIZE = 500;

const COLUMNS = [
  "time",
  "type",
  "outcome",
  "reason",
  "detail",
  "actor",
  "merchant_id",
  "merchant",
  "api_key_id",
  "api_key_label",
  "api_key_hint",
  "token_set_id",
  "request_id",
  "client_address",
  "user_agent",
];

/**
 * Labels, reasons and user agents are typed by merchants and callers. A spreadsheet runs a cell
 * that starts with = + - @ as a formula, so such cells get a leading apostrophe.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function actorText(event: AuditEventView): string {
  if (event.actor?.kind === "user") {
    return event.actor.email ?? event.actor.id;
  }

  return event.actor?.kind === "api_key" ? "api key" : "";
}

export function toCsvRecord(event: AuditEventView): string[] {
  return [
    event.created_at,
    event.type,
    event.outcome,
    event.reason ?? "",
    event.detail ?? "",
    actorText(event),
    event.merchant?.id ?? "",
    event.merchant?.name ?? "",
    event.api_key?.id ?? "",
    event.api_key?.label ?? "",
    event.api_key?.hint ?? "",
    event.token_set_id ?? "",
    event.request_id ?? "",
    event.client_address ?? "",
    event.user_agent ?? "",
  ].map(neutralizeFormula);
}

/**
 * Reads the first page before the response starts, so a query that fails gets an error status
 * instead of a cut-off 200; then pulls one page each time the client is ready for more, so an
 * export of any size holds one batch in memory at a time.
 */
export async function auditCsvStream(
  filter: AuditFilter,
  requestId: string,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let page = await findAuditPage(filter, { limit: BATCH_SIZE });
  let isFirstPull = true;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const records: string[][] = [];

        if (isFirstPull) {
          isFirstPull = false;
          records.push(COLUMNS);
        } else {
          try {
            page = await findAuditPage(filter, {
              cursor: page.next_cursor ?? undefined,
              limit: BATCH_SIZE,
            });
          } catch (cause) {
            logger.error({ err: cause, requestId }, "audit export stopped part-way");
            controller.error(cause);

            return;
          }
        }

        records.push(...page.events.map(toCsvRecord));

        if (records.length > 0) {
          controller.enqueue(encoder.encode(stringify(records)));
        }

        if (!page.next_cursor) {
          controller.close();
        }
      },
    },
    { highWaterMark: 1 },
  );
}
