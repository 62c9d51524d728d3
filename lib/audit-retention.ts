import { db } from "./db";

const DAY_MS = 86_400_000;

export function retentionCutoff(retentionDays: number, now = new Date()): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export const PRUNE_BATCH_ROWS = 5000;

/**
 * The only code that deletes audit rows. It runs from `npm run audit:prune`, an operator's
 * decision, never from a request: no route can shorten the history it is judged by. It deletes
 * the oldest rows a batch at a time, so a long backlog never meets the statement time limit.
 */
export async function pruneAuditEvents(
  retentionDays: number,
  { now = new Date(), batchRows = PRUNE_BATCH_ROWS } = {},
) {
  const cutoff = retentionCutoff(retentionDays, now);
  let deleted = 0;

  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: { createdAt: { lt: cutoff } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
      take: batchRows,
    });

    if (batch.length === 0) {
      break;
    }

    const { count } = await db.auditEvent.deleteMany({
      where: { id: { in: batch.map((row) => row.id) } },
    });

    deleted += count;

    if (batch.length < batchRows) {
      break;
    }
  }

  return { cutoff, deleted };
}
