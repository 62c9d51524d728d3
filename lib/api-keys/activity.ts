import { db } from "../db";
import { AppError } from "../errors";
import { keyViewSelect, toKeyView, type KeyView } from "./views";

const RECENT_LIMIT = 50;

export type KeyCall = {
  id: string;
  created_at: string;
  type: string;
  outcome: string;
  reason: string | null;
  client_address: string | null;
  request_id: string | null;
};

export type KeyEvent = {
  id: string;
  created_at: string;
  type: string;
  outcome: string;
  reason: string | null;
  detail: string | null;
  by_support: boolean;
};

export type KeyActivity = { key: KeyView; recent_calls: KeyCall[]; events: KeyEvent[] };

/**
 * A merchant's view of one of its own keys. Another merchant's key id answers like an unknown
 * one, and support staff appear as "support", not by name.
 */
export async function getKeyActivity(merchantId: string, keyId: string): Promise<KeyActivity> {
  const key = await db.apiKey.findFirst({
    where: { id: keyId, merchantId },
    select: keyViewSelect,
  });

  if (!key) {
    throw new AppError("not_found", "No such API key.");
  }

  const where = { apiKeyId: key.id, merchantId };
  const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [calls, events] = await Promise.all([
    db.auditEvent.findMany({
      where: { ...where, type: { startsWith: "api." } },
      orderBy,
      take: RECENT_LIMIT,
    }),
    db.auditEvent.findMany({
      where: { ...where, NOT: { type: { startsWith: "api." } } },
      orderBy,
      take: RECENT_LIMIT,
    }),
  ]);

  return {
    key: toKeyView(key),
    recent_calls: calls.map((row) => ({
      id: row.id,
      created_at: row.createdAt.toISOString(),
      type: row.type,
      outcome: row.outcome,
      reason: row.reason,
      client_address: row.clientAddress,
      request_id: row.requestId,
    })),
    events: events.map((row) => ({
      id: row.id,
      created_at: row.createdAt.toISOString(),
      type: row.type,
      outcome: row.outcome,
      reason: row.reason,
      detail: row.detail,
      by_support: row.type.startsWith("support."),
    })),
  };
}

export async function isOwnKey(merchantId: string, keyId: string): Promise<boolean> {
  const key = await db.apiKey.findFirst({ where: { id: keyId, merchantId }, select: { id: true } });

  return key !== null;
}
