import type { UsageTouch } from "./store";

/**
 * Last-used marks are kept to the minute: the portal shows "last used", and each call's exact
 * time and address are in the audit log. Rewriting a key's and a grant's row on every call
 * dirtied two pages per call on top of the audit row, at random places of large tables.
 */
export const LAST_USED_RESOLUTION_MS = 60_000;

export type UsageMarks = {
  apiKeyId: string;
  keyLastUsedAt: Date | null;
  grantId?: string | null;
  grantLastUsedAt?: Date | null;
  grantLastClientAddress?: string | null;
};

const isStale = (mark: Date | null | undefined, now: Date) =>
  !mark || now.getTime() - mark.getTime() >= LAST_USED_RESOLUTION_MS;

/** The marks a successful call must rewrite: stale ones, and a grant used from a new address. */
export function usageTouch(
  marks: UsageMarks,
  clientAddress: string | null,
  now: Date,
): UsageTouch | undefined {
  const touchesKey = isStale(marks.keyLastUsedAt, now);
  const touchesGrant =
    Boolean(marks.grantId) &&
    (isStale(marks.grantLastUsedAt, now) || marks.grantLastClientAddress !== clientAddress);

  if (!touchesKey && !touchesGrant) {
    return undefined;
  }

  return {
    ...(touchesKey ? { apiKeyId: marks.apiKeyId } : {}),
    ...(touchesGrant && marks.grantId ? { grantId: marks.grantId } : {}),
    clientAddress,
    at: now,
  };
}
