import { z } from "zod";

import { db } from "../db";
import { databaseProvider } from "../db-url";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { WebhookFormat } from "../webhook-format";
import { tokenSetSelect, toTokenSetView, type TokenSetView } from "./token-sets";

export const merchantSearchSchema = z.object({ q: z.string().trim().max(100).optional() });

const LIST_LIMIT = 100;

export type MerchantSummary = {
  id: string;
  name: string;
  created_at: string;
  user_emails: string[];
  key_count: number;
  live_key_count: number;
};

/**
 * The SQL filter behind a search, wider than the search itself: each run of plain ASCII text
 * must occur. LIKE reads % and _ as wildcards (Prisma passes them through) and SQLite ignores
 * case for ASCII letters only, so `matches` checks the whole text afterwards.
 */
function searchWhere(query: string): Prisma.MerchantWhereInput {
  const parts = query
    .toLowerCase()
    .split(/[%_]|[^\x20-\x7e]/)
    .filter(Boolean);
  // PostgreSQL's LIKE is case-sensitive where SQLite's is not; the type is the SQLite client's.
  const mode = (databaseProvider() === "postgresql" ? { mode: "insensitive" } : {}) as object;
  const each = (field: "name" | "email") =>
    parts.map((part) => ({ [field]: { contains: part, ...mode } }));

  return {
    OR: [{ AND: each("name") }, { id: query }, { users: { some: { AND: each("email") } } }],
  };
}

type Candidate = { id: string; name: string; users: { email: string }[] };

function matches(query: string, merchant: Candidate) {
  const needle = query.toLowerCase();

  return (
    merchant.id === query ||
    merchant.name.toLowerCase().includes(needle) ||
    merchant.users.some((user) => user.email.toLowerCase().includes(needle))
  );
}

const SEARCH_PAGE = 2 * LIST_LIMIT;

export type MerchantList = { merchants: MerchantSummary[]; has_more: boolean };

/**
 * Matches a merchant by name or user email (literal text, any case), or by exact id: the first
 * 100 by name, and whether more match.
 */
export async function listMerchants(query?: string): Promise<MerchantList> {
  const merchants = [];

  for (let skip = 0; merchants.length <= LIST_LIMIT; skip += SEARCH_PAGE) {
    const page = await db.merchant.findMany({
      where: query ? searchWhere(query) : {},
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip,
      take: SEARCH_PAGE,
      select: {
        id: true,
        name: true,
        createdAt: true,
        users: { select: { email: true }, orderBy: { email: "asc" } },
        apiKeys: { select: { revokedAt: true } },
      },
    });

    merchants.push(...(query ? page.filter((merchant) => matches(query, merchant)) : page));

    if (page.length < SEARCH_PAGE) {
      break;
    }
  }

  const summaries = merchants.slice(0, LIST_LIMIT).map((merchant) => ({
    id: merchant.id,
    name: merchant.name,
    created_at: merchant.createdAt.toISOString(),
    user_emails: merchant.users.map((user) => user.email),
    key_count: merchant.apiKeys.length,
    live_key_count: merchant.apiKeys.filter((key) => key.revokedAt === null).length,
  }));

  return { merchants: summaries, has_more: merchants.length > LIST_LIMIT };
}

export type SupportKeyView = {
  id: string;
  label: string;
  key_hint: string;
  state: "active" | "revoked";
  created_at: string;
  last_used_at: string | null;
  ip_allowlist: string[];
  webhook_format: WebhookFormat;
  settings_saved_at: string | null;
  enhanced_security: boolean;
  revoked_at: string | null;
  token_sets: TokenSetView[];
};

export type MerchantDetail = {
  merchant: { id: string; name: string; created_at: string; user_emails: string[] };
  keys: SupportKeyView[];
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Keys and token families as metadata: hints and times, never a hash or a secret. */
export async function getMerchantDetail(merchantId: string): Promise<MerchantDetail> {
  const merchant = await db.merchant.findUnique({
    where: { id: merchantId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      users: { select: { email: true }, orderBy: { email: "asc" } },
      apiKeys: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          label: true,
          keyHint: true,
          createdAt: true,
          lastUsedAt: true,
          ipAllowlist: true,
          webhookFormat: true,
          settingsSavedAt: true,
          enhancedSecurity: true,
          revokedAt: true,
          tokenSets: { orderBy: { createdAt: "desc" }, select: tokenSetSelect },
        },
      },
    },
  });

  if (!merchant) {
    throw new AppError("not_found", "No such merchant.");
  }

  const now = new Date();

  return {
    merchant: {
      id: merchant.id,
      name: merchant.name,
      created_at: merchant.createdAt.toISOString(),
      user_emails: merchant.users.map((user) => user.email),
    },
    keys: merchant.apiKeys.map((key) => ({
      id: key.id,
      label: key.label,
      key_hint: key.keyHint,
      state: key.revokedAt ? "revoked" : "active",
      created_at: key.createdAt.toISOString(),
      last_used_at: iso(key.lastUsedAt),
      ip_allowlist: JSON.parse(key.ipAllowlist) as string[],
      webhook_format: key.webhookFormat as WebhookFormat,
      settings_saved_at: iso(key.settingsSavedAt),
      enhanced_security: key.enhancedSecurity,
      revoked_at: iso(key.revokedAt),
      token_sets: key.tokenSets.map((set) => toTokenSetView(set, now)),
    })),
  };
}
