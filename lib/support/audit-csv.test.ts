import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";

import { neutralizeFormula, toCsvRecord } from "./audit-csv";
import type { AuditEventView } from "./audit-log";

const event: AuditEventView = {
  id: "e1",
  created_at: "2026-12-10T10:00:00.000Z",
  type: "support.tokens_revoked",
  outcome: "success",
  reason: "support_revoked",
  detail: 'Leaked, "pasted"\nsecond line',
  actor: { kind: "user", id: "u1", email: "support@keyward.test" },
  merchant: { id: "m1", name: "Shop, Ltd" },
  api_key: { id: "k1", label: '=HYPERLINK("x")', hint: "abcd…wxyz" },
  token_set_id: "s1",
  request_id: "r1",
  client_address: "203.0.113.7",
  user_agent: "curl/8",
};

describe("audit CSV", () => {
  it("quotes commas, quotes and newlines so each record stays one record", () => {
    const csv = stringify([toCsvRecord(event)]);

    expect(csv).toContain('"Leaked, ""pasted""\nsecond line"');
    expect(csv).toContain('"Shop, Ltd"');
  });

  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["plain", "plain"],
    ["", ""],
  ])("neutralizes a cell that a spreadsheet would run as a formula: %j", (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });

  it("names the user for a user actor and the key for an API call", () => {
    expect(toCsvRecord(event)[5]).toBe("support@keyward.test");
    expect(toCsvRecord({ ...event, actor: { kind: "api_key" } })[5]).toBe("api key");
  });
});
