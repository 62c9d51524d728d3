import { db } from "./db";

const DAY_MS = 86_400_000;

export function retentionCutoff(retentionDays: number, now = new Date()): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/**
 * The only code that deletes audit rows. It runs from `npm run audit:prune`, an operator's
 * decision, never from a request: no route can shorten the history it is judged by.
 */
export async function pruneAuditEvents(retentionDays: number, now = new Date()) {
  const cutoff = retentionCutoff(retentionDays, now);
  const deleted = await db.auditEvent.deleteMany({ where: { createdAt: { lt: cutoff } } });

  return { cutoff, deleted: deleted.count };
}
