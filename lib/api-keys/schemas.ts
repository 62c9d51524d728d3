import { z } from "zod";

import { WEBHOOK_FORMATS } from "../webhook-format";

export const MAX_ALLOWLIST_ENTRIES = 50;

export const createKeySchema = z.object({
  label: z.string().trim().max(60, "label must be at most 60 characters").optional(),
});

export const keySettingsSchema = z.object({
  ip_allowlist: z
    .array(z.string().max(64, "each ip_allowlist entry must be at most 64 characters"))
    .max(MAX_ALLOWLIST_ENTRIES, `ip_allowlist takes at most ${MAX_ALLOWLIST_ENTRIES} entries`),
  webhook_format: z.enum(WEBHOOK_FORMATS, {
    error: `webhook_format must be one of: ${WEBHOOK_FORMATS.join(", ")}`,
  }),
});

export const enhancedSecuritySchema = z.object({
  enabled: z.boolean({ error: "enabled must be true or false" }),
});
