import { beforeAll, describe, expect, it } from "vitest";

import { query, setGrantTime } from "../helpers/database";
import { environment } from "../helpers/environment";
import { generateTokens, setEnhancedSecurity } from "../helpers/fixtures";
import { signIn, type PortalClient } from "../helpers/portal-client";
import { api, provisionForSupport, requestIdOf, type MerchantKey } from "./support-fixtures";

type Row = {
  type: string;
  outcome: string;
  reason: string | null;
  detail: string | null;
  actorUserId: string | null;
  merchantId: string | null;
  apiKeyId: string | null;
  tokenSetId: string | null;
  requestId: string | null;
  clientAddress: string | null;
  userAgent: string | null;
};

/** In the order the product shows them: time, then id (Prisma's ids grow within a millisecond). */
function rowsFor(column: keyof Row, value: string): Promise<Row[]> {
  return query<Row>(`SELECT * FROM "AuditEvent" WHERE "${column}" = ? ORDER BY "createdAt", id`, [
    value,
  ]);
}

async function countAuditRows(): Promise<number> {
  const [row] = await query<{ n: number }>(`SELECT COUNT(*) AS n FROM "AuditEvent"`);

  return Number(row?.n);
}

describe("audit rows: one per event kind, with actor, merchant, key, request and address", () => {
  let merchantA: PortalClient;
  let support: PortalClient;
  let key: MerchantKey;
  const secrets: string[] = [];

  beforeAll(async () => {
    const { servers, users } = environment();

    merchantA = await signIn(servers.node, users.merchantA);
    support = await signIn(servers.node, users.support);
    key = await provisionForSupport(merchantA, support);
    secrets.push(key.apiKey, ...Object.values(key.tokens).filter((value) => value.length > 30));
  });

  it("records the portal changes of a key in order, each with the merchant user as actor", async () => {
    await setEnhancedSecurity(merchantA, key.keyId, true);
    await setEnhancedSecurity(merchantA, key.keyId, false);

    const regenerated = await generateTokens(merchantA, key.keyId);

    secrets.push(regenerated.clientSecret, regenerated.accessToken, regenerated.refreshToken);

    const rows = (await rowsFor("apiKeyId", key.keyId)).filter(
      (row) => !row.type.startsWith("api."),
    );

    expect(rows.map((row) => [row.type, row.outcome, row.reason])).toEqual([
      ["key.created", "success", null],
      ["key.settings_saved", "success", null],
      ["tokens.generated", "success", null],
      ["enhanced_security.enabled", "success", null],
      ["enhanced_security.disabled", "success", null],
      ["tokens.revoked", "success", "replaced"],
      ["tokens.regenerated", "success", null],
    ]);

    for (const row of rows) {
      expect(row).toMatchObject({ merchantId: key.merchantId, clientAddress: "127.0.0.1" });
      expect(row.actorUserId).not.toBeNull();
      expect(row.requestId).not.toBeNull();
    }

    expect(rows.find((row) => row.type === "tokens.revoked")?.tokenSetId).toBe(key.tokenSetId);
  });

  it("records every public API outcome with its reason, including refusals before lookup", async () => {
    const fresh = await provisionForSupport(merchantA, support);
    const calls = api();
    const ok = await calls.authorize(fresh.credentials, fresh.tokens.accessToken);
    const wrong = await calls.authorize(
      { ...fresh.credentials, clientSecret: "not-the-secret" },
      fresh.tokens.accessToken,
    );
    const malformed = await calls.raw("/api/authorize", { headers: { "x-api-key": "x" } });
    const account = await calls.account(fresh.apiKey);
    const refreshed = await calls.refresh(fresh.credentials, fresh.tokens.refreshToken);

    secrets.push(fresh.apiKey, fresh.tokens.clientSecret, fresh.tokens.accessToken);
    secrets.push(fresh.tokens.refreshToken, String(refreshed.json.access_token));
    secrets.push(String(refreshed.json.refresh_token));

    const expected: [typeof ok, Partial<Row>][] = [
      [ok, { type: "api.authorize", outcome: "success", reason: null, apiKeyId: fresh.keyId }],
      [wrong, { type: "api.authorize", outcome: "denied", reason: "invalid_client" }],
      [malformed, { type: "api.authorize", outcome: "denied", reason: "invalid_request" }],
      [account, { type: "api.account", outcome: "success", apiKeyId: fresh.keyId }],
      [refreshed, { type: "api.refresh", outcome: "success", tokenSetId: fresh.tokenSetId }],
    ];

    for (const [response, row] of expected) {
      const rows = await rowsFor("requestId", requestIdOf(response));

      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ ...row, clientAddress: "127.0.0.1", actorUserId: null });
    }

    expect((await rowsFor("requestId", requestIdOf(wrong)))[0]?.detail).toBe("wrong client secret");
  });

  it("ties account calls checked with an access token to its family, in the family's timeline", async () => {
    const fresh = await provisionForSupport(merchantA, support);
    const other = await provisionForSupport(merchantA, support);
    const calls = api();

    await setEnhancedSecurity(merchantA, fresh.keyId, true);

    const answered = await calls.account(fresh.apiKey, fresh.tokens.accessToken);

    await setGrantTime(
      { accessToken: fresh.tokens.accessToken },
      "accessExpiresAt",
      new Date(Date.now() - 1_000),
    );

    const expired = await calls.account(fresh.apiKey, fresh.tokens.accessToken);
    const foreign = await calls.account(fresh.apiKey, other.tokens.accessToken);

    expect([answered.status, expired.status, foreign.status]).toEqual([200, 401, 401]);

    const familyOf = async (response: typeof answered) =>
      (await rowsFor("requestId", requestIdOf(response)))[0]?.tokenSetId;

    expect(await familyOf(answered)).toBe(fresh.tokenSetId);
    expect(await familyOf(expired)).toBe(fresh.tokenSetId);
    expect(await familyOf(foreign)).toBeNull();

    const timeline = await support.get(`/api/support/token-sets/${fresh.tokenSetId}`);
    const accountCalls = (timeline.json.timeline as { type: string; outcome: string }[])
      .filter((event) => event.type === "api.account")
      .map((event) => event.outcome);

    expect(accountCalls).toEqual(["success", "denied"]);
  });

  it("records refresh-token reuse and the family's revocation in one row", async () => {
    const fresh = await provisionForSupport(merchantA, support);
    const calls = api();

    await calls.refresh(fresh.credentials, fresh.tokens.refreshToken);
    await setGrantTime(
      { refreshToken: fresh.tokens.refreshToken },
      "rotatedAt",
      new Date(Date.now() - 120_000),
    );

    const reused = await calls.refresh(fresh.credentials, fresh.tokens.refreshToken);
    const types = (await rowsFor("requestId", requestIdOf(reused))).map((row) => row.type);

    expect(reused.status).toBe(400);
    expect(types).toContain("refresh.reuse_detected");
    expect(
      await query(`SELECT "revokedReason" FROM "TokenSet" WHERE id = ?`, [fresh.tokenSetId]),
    ).toEqual([{ revokedReason: "refresh_token_reuse" }]);
  });

  it("records sign-in success and failure with the caller's address, never the password", async () => {
    const { servers, users } = environment();

    await signIn(servers.node, users.merchantB);
    await expect(
      signIn(servers.node, { email: users.merchantB.email, password: "a-wrong-password-1" }),
    ).rejects.toThrow();

    const rows = await query(
      `SELECT e.outcome, e.reason, e."clientAddress" FROM "AuditEvent" e
         JOIN "User" u ON u.id = e."actorUserId"
        WHERE e.type = 'auth.sign_in' AND u.email = ?
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT 2`,
      [users.merchantB.email],
    );

    expect(rows).toEqual([
      { outcome: "denied", reason: "invalid_credentials", clientAddress: "127.0.0.1" },
      { outcome: "success", reason: null, clientAddress: "127.0.0.1" },
    ]);
    secrets.push(users.merchantB.password, "a-wrong-password-1");
  });

  it("records support revocations with the support user, the reason, and each family", async () => {
    const fresh = await provisionForSupport(merchantA, support);
    const revoked = await support.send("POST", `/api/support/keys/${fresh.keyId}/revoke`, {
      reason: "Key seen in a public repository",
    });

    expect(revoked.status).toBe(200);

    const rows = await rowsFor("requestId", requestIdOf(revoked));

    expect(rows.map((row) => [row.type, row.reason, row.tokenSetId])).toEqual([
      ["support.key_revoked", "support_revoked", null],
      ["tokens.revoked", "key_revoked", fresh.tokenSetId],
    ]);
    expect(rows[0]?.detail).toBe("Key seen in a public repository");

    const [supportUser] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, [
      environment().users.support.email,
    ]);

    expect(rows.every((row) => row.actorUserId === supportUser?.id)).toBe(true);
  });

  it("says a new token set follows a revoked one, not that it is the first", async () => {
    const fresh = await provisionForSupport(merchantA, support);
    const revoked = await support.send(
      "POST",
      `/api/support/token-sets/${fresh.tokenSetId}/revoke`,
      {
        reason: "Secret pasted in a support ticket",
      },
    );

    expect(revoked.status).toBe(200);

    const next = await generateTokens(merchantA, fresh.keyId);
    const details = (await rowsFor("apiKeyId", fresh.keyId))
      .filter((row) => row.type.startsWith("tokens.") && row.type !== "tokens.revoked")
      .map((row) => [row.type, row.detail]);

    secrets.push(next.clientSecret, next.accessToken, next.refreshToken);
    expect(details).toEqual([
      ["tokens.generated", "first token set"],
      ["tokens.generated", "new token set; the previous one was already revoked"],
    ]);
  });

  it("stores no secret, token or password, nor the first 8 characters of one", async () => {
    const text = JSON.stringify(await query(`SELECT * FROM "AuditEvent"`));

    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 8));
    }
  });

  it("offers no route that changes or deletes an audit row", async () => {
    const before = await countAuditRows();

    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const result = await support.send(method, "/api/support/audit");

      expect(result.status).toBe(405);
    }

    const after = await countAuditRows();

    expect(after).toBeGreaterThanOrEqual(before);
  });
});
