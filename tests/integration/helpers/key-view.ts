import { z } from "zod";

import type { HttpResult } from "./http";

const isoDate = z.iso.datetime();

/** The portal's key view, strict: a column added to the output (say a hash) fails the parse. */
export const keyViewSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  key_hint: z.string(),
  created_at: isoDate,
  last_used_at: isoDate.nullable(),
  ip_allowlist: z.array(z.string()),
  webhook_format: z.enum(["single", "multiple"]),
  settings_saved_at: isoDate.nullable(),
  enhanced_security: z.boolean(),
  revoked_at: isoDate.nullable(),
  tokens: z.strictObject({
    state: z.enum(["none", "active", "expired", "revoked"]),
    revoked_reason: z.string().nullable(),
    client_id: z.string().nullable(),
    access_token_expires_at: isoDate.nullable(),
    refresh_token_expires_at: isoDate.nullable(),
  }),
});

export type KeyView = z.infer<typeof keyViewSchema>;

export function keysOf(result: HttpResult): KeyView[] {
  return z.strictObject({ keys: z.array(keyViewSchema) }).parse(result.json).keys;
}

export function keyOf(result: HttpResult): KeyView {
  return keyViewSchema.parse(result.json.key);
}

export function findKey(result: HttpResult, keyId: string): KeyView {
  const key = keysOf(result).find((candidate) => candidate.id === keyId);

  if (!key) {
    throw new Error(`Key ${keyId} is not in the list.`);
  }

  return key;
}
