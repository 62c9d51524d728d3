import { auditRow, type AuditContext, type AuditEventType } from "../audit";
import { logger } from "../logger";
import { verifyStore } from "./store";

const CALL_TYPES: Record<string, AuditEventType> = {
  "/api/authorize": "api.authorize",
  "/api/refresh": "api.refresh",
  "/api/v1/account": "api.account",
};

/**
 * Calls refused before any credential is looked up (malformed, wrong method, rate limited) are
 * outcomes too. They change nothing, so a failed write is logged rather than failing the answer.
 * They go through the verification store, as answered calls do: on SQLite a write through any
 * other connection would empty the authorize cache.
 */
export async function recordRejectedCall(path: string, reason: string, context: AuditContext) {
  const type = CALL_TYPES[path];

  if (!type) {
    return;
  }

  await verifyStore()
    .then((store) => store.record(auditRow({ type, outcome: "denied", reason }, context)))
    .catch((error: unknown) => {
      logger.error({ err: error, requestId: context.requestId }, "audit write failure");
    });
}
