import { auditRow, type AuditContext, type AuditEventType } from "../audit";
import { db } from "../db";
import { logger } from "../logger";

const CALL_TYPES: Record<string, AuditEventType> = {
  "/api/authorize": "api.authorize",
  "/api/refresh": "api.refresh",
  "/api/v1/account": "api.account",
};

/**
 * Calls refused before any credential is looked up (malformed, wrong method, rate limited) are
 * outcomes too. They change nothing, so a failed write is logged rather than failing the answer.
 */
export async function recordRejectedCall(path: string, reason: string, context: AuditContext) {
  const type = CALL_TYPES[path];

  if (!type) {
    return;
  }

  await db.auditEvent
    .create({ data: auditRow({ type, outcome: "denied", reason }, context) })
    .catch((error: unknown) => {
      logger.error({ err: error, requestId: context.requestId }, "audit write failure");
    });
}
