import type { AuditRecord } from "../audit";
import { db } from "../db";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * A JWT session cannot be recalled, so signing out writes its id here. A cookie lives at most
 * SESSION_MAX_AGE_SECONDS from its last renewal, and an ended session is never renewed again,
 * so its row may go once that time has passed since the sign-out.
 */
export async function endSession(sessionId: string, audit: AuditRecord): Promise<void> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);

  await db.$transaction([
    db.endedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.endedSession.upsert({
      where: { id: sessionId },
      create: { id: sessionId, endedAt: now, expiresAt },
      update: {},
    }),
    db.auditEvent.create({ data: audit }),
  ]);
}

export async function isSessionEnded(sessionId: string): Promise<boolean> {
  const ended = await db.endedSession.findUnique({
    where: { id: sessionId },
    select: { id: true },
  });

  return ended !== null;
}
