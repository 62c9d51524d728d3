export const WEBHOOK_FORMATS = ["single", "multiple"] as const;

export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_FORMAT_LABELS: Record<WebhookFormat, string> = {
  single: "Single JSON Data",
  multiple: "Multiple JSON Data",
};

export type WebhookPayload = Record<string, string | number | boolean | null>;

export const SAMPLE_PAYMENT_RESULT: WebhookPayload = {
  event: "payment.result",
  transaction_id: "txn_5f2c9a01",
  status: "authorised",
  amount: 1999,
  currency: "GBP",
  card_last4: "4242",
  reference: "ORDER-1042",
  created_at: "2026-12-03T10:15:00Z",
};

/**
 * Single: the whole payload as one JSON string on one line.
 * Multiple: one JSON object per field, one per line, in the payload's field order.
 */
export function formatWebhookPayload(payload: WebhookPayload, format: WebhookFormat): string {
  if (format === "single") {
    return JSON.stringify(payload);
  }

  return Object.entries(payload)
    .map(([field, value]) => JSON.stringify({ [field]: value }))
    .join("\n");
}
