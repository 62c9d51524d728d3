import { z } from "zod";

import { AUDIT_EVENT_TYPES, AUDIT_OUTCOMES, isApiCallType } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";

export const AUDIT_PAGE_MAX = 200;

const id = z.string().trim().min(1).max(64);
const DAY_MS = 86_400_000;
/** Years 1 to 9999: what both databases' date columns and Prisma's ISO strings can hold. */
const EARLIEST = new Date("0001-01-01T00:00:00.000Z");
const LATEST = new Date("9999-12-31T23:59:59.999Z");
const clamp = (instant: Date) =>
  instant < EARLIEST ? EARLIEST : instant > LATEST ? LATEST : instant;
const dateTime = z.iso.datetime({ offset: true, local: true });
const date = z.iso.date();
const from = dateTime.or(date).transform((value) => clamp(new Date(value)));
/** A bare date as the end of a range means the whole of that day. */
const to = dateTime
  .transform((value) => clamp(new Date(value)))
  .or(date.transform((value) => clamp(new Date(new Date(value).getTime() + DAY_MS))));

export const auditFilterSchema = z.object({
  merchant_id: id.optional(),
  key_id: id.optional(),
  token_set_id: id.optional(),
  type: z.enum(AUDIT_EVENT_TYPES).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: from.optional(),
  to: to.optional(),
  request_id: z.string().trim().max(64).optional(),
  client_address: z.string().trim().max(64).optional(),
});

export const auditPageSchema = auditFilterSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export type AuditEventView = {
  id: string;
  created_at: string;
  type: string;
  outcome: string;
  reason: string | null;
  detail: string | null;
  actor: { kind: "user"; id: string; email: string | null } | { kind: "api_key" } | null;
  merchant: { id: string; name: string | null } | null;
  api_key: { id: string; label: string | null; hint: string | null } | null;
  token_set_id: string | null;
  request_id: string | null;
  client_address: string | null;
  user_agent: string | null;
};

type Cursor = { createdAt: Date; id: string };

/** The cursor is (createdAt, id) of the last row sent: stable while new rows keep arriving. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeCursor(value: string): Cursor {
  const [at = "", rowId = ""] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at);

  if (!CURSOR_INSTANT.test(at) || Number.isNaN(createdAt.getTime()) || !rowId) {
    throw new AppError("invalid_request", "cursor: not a cursor this server issued");
  }

  return { createdAt, id: rowId };
}

export function auditWhere(filter: AuditFilter, cursor?: Cursor): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {
    merchantId: filter.merchant_id,
    apiKeyId: filter.key_id,
    tokenSetId: filter.token_set_id,
    type: filter.type,
    outcome: filter.outcome,
    requestId: filter.request_id,
    clientAddress: filter.client_address,
    createdAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
  };

  if (!cursor) {
    return where;
  }

  return {
    AND: [
      where,
      {
        OR: [
          { createdAt: { lt: cursor.createdAt } },
          { createdAt: cursor.createdAt, id: { lt: cursor.id } },
        ],
      },
    ],
  };
}

type AuditRow = Awaited<ReturnType<typeof db.auditEvent.findMany>>[number];

/** Names for the ids on a page of rows, looked up once per page instead of once per row. */
async function toViews(rows: AuditRow[]): Promise<AuditEventView[]> {
  const ids = (pick: (row: AuditRow) => string | null) => [
    ...new Set(rows.map(pick).filter((value): value is string => value !== null)),
  ];
  const [users, merchants, keys] = await Promise.all([
    db.user.findMany({
      where: { id: { in: ids((row) => row.actorUserId) } },
      select: { id: true, email: true },
    }),
    db.merchant.findMany({
      where: { id: { in: ids((row) => row.merchantId) } },
      select: { id: true, name: true },
    }),
    db.apiKey.findMany({
      where: { id: { in: ids((row) => row.apiKeyId) } },
      select: { id: true, label: true, keyHint: true },
    }),
  ]);
  const emailOf = new Map(users.map((user) => [user.id, user.email]));
  const merchantOf = new Map(merchants.map((merchant) => [merchant.id, merchant.name]));
  const keyOf = new Map(keys.map((key) => [key.id, key]));

  return rows.map((row) => {
    const key = row.apiKeyId ? keyOf.get(row.apiKeyId) : undefined;
    const actor: AuditEventView["actor"] = row.actorUserId
      ? { kind: "user", id: row.actorUserId, email: emailOf.get(row.actorUserId) ?? null }
      : isApiCallType(row.type) && row.apiKeyId
        ? { kind: "api_key" }
        : null;

    return {
      id: row.id,
      created_at: row.createdAt.toISOString(),
      type: row.type,
      outcome: row.outcome,
      reason: row.reason,
      detail: row.detail,
      actor,
      merchant: row.merchantId
        ? { id: row.merchantId, name: merchantOf.get(row.merchantId) ?? null }
        : null,
      api_key: row.apiKeyId
        ? { id: row.apiKeyId, label: key?.label ?? null, hint: key?.keyHint ?? null }
        : null,
      token_set_id: row.tokenSetId,
      request_id: row.requestId,
      client_address: row.clientAddress,
      user_agent: row.userAgent,
    };
  });
}

export type AuditPage = { events: AuditEventView[]; next_cursor: string | null };

/** Newest first; one extra row is read to know whether another page exists. */
export async function findAuditPage(
  filter: AuditFilter,
  options: { cursor?: string; limit: number },
): Promise<AuditPage> {
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rows = await db.auditEvent.findMany({
    where: auditWhere(filter, cursor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);

  return {
    events: await toViews(page),
    next_cursor: rows.length > options.limit && last ? encodeCursor(last) : null,
  };
}

/** Every row written for one request: the outcome and its exact reason, for support. */
export async function explainRequest(requestId: string): Promise<AuditEventView[]> {
  const rows = await db.auditEvent.findMany({
    where: { requestId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 20,
  });

  if (rows.length === 0) {
    throw new AppError("not_found", "No audit event has this request id.");
  }

  return toViews(rows);
}
