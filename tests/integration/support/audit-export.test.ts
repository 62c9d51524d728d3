import { beforeAll, describe, expect, it } from "vitest";

import { execute } from "../helpers/database";
import { environment } from "../helpers/environment";
import { findKey } from "../helpers/key-view";
import { stringField, type JsonObject } from "../helpers/http";
import { signIn, type PortalClient } from "../helpers/portal-client";
import { api, provisionForSupport, requestIdOf, type MerchantKey } from "./support-fixtures";

const TRICKY_REASON = 'Leaked, "pasted" in a ticket\nsecond line';

describe("support audit views", () => {
  let support: PortalClient;
  let merchantA: PortalClient;
  let key: MerchantKey;

  beforeAll(async () => {
    const { servers, users } = environment();

    merchantA = await signIn(servers.node, users.merchantA);
    support = await signIn(servers.node, users.support);
    key = await provisionForSupport(merchantA, support);
  });

  it("revokes a token family with a reason, and the integrator's very next call fails", async () => {
    expect((await api().authorize(key.credentials, key.tokens.accessToken)).status).toBe(200);

    const missing = await support.send(
      "POST",
      `/api/support/token-sets/${key.tokenSetId}/revoke`,
      {},
    );

    expect(missing.status).toBe(400);

    const revoked = await support.send("POST", `/api/support/token-sets/${key.tokenSetId}/revoke`, {
      reason: TRICKY_REASON,
    });

    expect(revoked.status).toBe(200);

    const next = await api().authorize(key.credentials, key.tokens.accessToken);

    expect(next.status).toBe(401);
    expect(next.json.error).toBe("invalid_client");

    const audit = await support.get(`/api/support/token-sets/${key.tokenSetId}`);
    const timeline = audit.json.timeline as JsonObject[];

    expect(audit.json.token_set).toMatchObject({
      state: "revoked",
      revoked_reason: "support_revoked",
    });
    expect(timeline.map((event) => event.type)).toEqual([
      "tokens.generated",
      "api.authorize",
      "support.tokens_revoked",
      "api.authorize",
    ]);
    expect(timeline[2]).toMatchObject({ detail: TRICKY_REASON });
    expect(JSON.stringify(audit.json)).not.toContain(key.tokens.clientSecret);
    expect(findKey(await merchantA.get("/api/keys"), key.keyId).tokens).toMatchObject({
      state: "revoked",
      revoked_reason: "support_revoked",
    });
  });

  it("explains a rejection by request id with its exact reason", async () => {
    const denied = await api().authorize(
      { ...key.credentials, apiKey: "0".repeat(64) },
      key.tokens.accessToken,
    );
    const explained = await support.get(`/api/support/requests/${requestIdOf(denied)}`);

    expect(explained.status).toBe(200);
    expect(explained.json.events).toEqual([
      expect.objectContaining({
        type: "api.authorize",
        outcome: "denied",
        reason: "invalid_client",
        detail: "api key does not match the client",
        actor: null,
        api_key: null,
        token_set_id: key.tokenSetId,
      }),
    ]);
    expect((await support.get("/api/support/requests/no-such-request")).status).toBe(404);
  });

  it("pages by cursor without gaps or repeats", async () => {
    const query = `/api/support/audit?key_id=${key.keyId}`;
    const everything = await support.get(`${query}&limit=200`);
    const all = (everything.json.events as JsonObject[]).map((event) => event.id);
    const paged: unknown[] = [];
    let cursor: string | null = null;

    do {
      const page = await support.get(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);

      paged.push(...(page.json.events as JsonObject[]).map((event) => event.id));
      cursor = (page.json.next_cursor as string | null) ?? null;
    } while (cursor);

    expect(all.length).toBeGreaterThan(4);
    expect(paged).toEqual(all);
    expect((await support.get(`${query}&cursor=garbage`)).status).toBe(400);
  });

  it("exports the filtered rows as CSV, quoting commas, quotes and newlines", async () => {
    const result = await support.get(
      `/api/support/audit/export?token_set_id=${key.tokenSetId}&type=support.tokens_revoked`,
    );

    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(result.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.csv"/);

    const [header, ...rest] = result.text.split("\n");

    expect(header).toBe(
      "time,type,outcome,reason,detail,actor,merchant_id,merchant,api_key_id,api_key_label," +
        "api_key_hint,token_set_id,request_id,client_address,user_agent",
    );
    expect(rest.join("\n")).toContain(
      `,support.tokens_revoked,success,support_revoked,"Leaked, ""pasted"" in a ticket\nsecond line",${environment().users.support.email},${key.merchantId},`,
    );
    expect(result.text.trim().split("\n")).toHaveLength(3);
  });

  it("exports the same rows as the audit page, newest first, with the header once", async () => {
    const merchantFilter = `merchant_id=${key.merchantId}`;
    const page = await support.get(`/api/support/audit?${merchantFilter}&limit=200`);
    const csv = await support.get(`/api/support/audit/export?${merchantFilter}`);
    const firstId = stringField((page.json.events as JsonObject[])[0] ?? {}, "request_id");

    expect(csv.text.match(/^time,type,/gm)).toHaveLength(1);
    expect(csv.text.split("\n")[1]).toContain(firstId);
  });

  it("exports every row across its batches of 500, in the audit page's order", async () => {
    const merchantId = `export-${Math.random().toString(36).slice(2)}`;
    const start = Date.parse("2026-01-01T00:00:00.000Z");
    const rows = 1_201;

    for (let index = 0; index < rows; index += 1) {
      await execute(
        `INSERT INTO "AuditEvent" (id, "createdAt", type, outcome, "merchantId", "requestId")
         VALUES (?, ?, 'api.authorize', 'success', ?, ?)`,
        [`${merchantId}-${index}`, new Date(start + index * 1_000), merchantId, `r-${index}`],
      );
    }

    const csv = await support.get(`/api/support/audit/export?merchant_id=${merchantId}`);
    const requestIds = csv.text
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[12]);

    expect(csv.status).toBe(200);
    expect(requestIds).toEqual(Array.from({ length: rows }, (_, index) => `r-${rows - 1 - index}`));
  });

  it("answers 400, not 500, for dates and cursors beyond what it stores", async () => {
    const farCursor = Buffer.from("+275760-09-13T00:00:00.000Z|x").toString("base64url");
    const wideRange = "from=0001-01-01&to=9999-12-31";

    expect((await support.get(`/api/support/audit?${wideRange}&key_id=${key.keyId}`)).status).toBe(
      200,
    );
    expect((await support.get(`/api/support/audit?cursor=${farCursor}`)).status).toBe(400);

    const csv = await support.get(`/api/support/audit/export?${wideRange}&key_id=${key.keyId}`);

    expect(csv.status).toBe(200);
    expect(csv.text).toContain(key.keyId);
    expect((await support.get("/api/support/audit/export?to=tomorrow")).status).toBe(400);
  });
});
