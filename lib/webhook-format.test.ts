import { describe, expect, it } from "vitest";

import { formatWebhookPayload, SAMPLE_PAYMENT_RESULT } from "./webhook-format";

describe("formatWebhookPayload", () => {
  const payload = { status: "authorised", amount: 1999, note: 'a "quoted"\nline' };

  it("single JSON is the whole payload as one JSON string on one line", () => {
    const output = formatWebhookPayload(payload, "single");

    expect(output.split("\n")).toHaveLength(1);
    expect(JSON.parse(output)).toEqual(payload);
  });

  it("multiple JSON is one object per field, one per line, in field order", () => {
    const lines = formatWebhookPayload(payload, "multiple").split("\n");

    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { status: "authorised" },
      { amount: 1999 },
      { note: 'a "quoted"\nline' },
    ]);
  });

  it("the sample payment result has one line per field in the multiple layout", () => {
    const lines = formatWebhookPayload(SAMPLE_PAYMENT_RESULT, "multiple").split("\n");

    expect(lines).toHaveLength(Object.keys(SAMPLE_PAYMENT_RESULT).length);
  });
});
