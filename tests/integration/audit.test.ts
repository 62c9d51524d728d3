import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { allStoredText, database } from "./helpers/database";
import { environment, transports } from "./helpers/environment";
import { provisionKey, type ProvisionedKey } from "./helpers/fixtures";
import { stringField, type HttpResult } from "./helpers/http";
import { keyOf } from "./helpers/key-view";
import { signIn } from "./helpers/portal-client";
import { publicApi, type PublicApi } from "./helpers/public-api";

type AuditRow = {
  type: string;
  outcome: string;
  reason: string | null;
  apiKeyId: string | null;
  tokenSetId: string | null;
  clientAddress: string | null;
  requestId: string | null;
};

function auditRowsFor(result: HttpResult): AuditRow[] {
  const requestId = result.headers.get("x-request-id");

  if (result.status !== 200) {
    expect(result.json.request_id).toBe(requestId);
  }

  return database()
    .prepare(
      `SELECT type, outcome, reason, apiKeyId, tokenSetId, clientAddress, requestId
         FROM AuditEvent WHERE requestId = ?`,
    )
    .all(requestId) as AuditRow[];
}

describe("audit trail of the portal", () => {
  it("records a key creation with its actor, merchant, key, address and request id", async () => {
    const { servers, users } = environment();
    const portal = await signIn(servers.node, users.merchantA);
    const created = await portal.send("POST", "/api/keys", { label: "audited" });
    const rows = database()
      .prepare(
        `SELECT e.type, e.outcome, e.apiKeyId, e.clientAddress, u.email AS actor, m.name AS merchant
           FROM AuditEvent e JOIN User u ON u.id = e.actorUserId JOIN Merchant m ON m.id = e.merchantId
          WHERE e.requestId = ?`,
      )
      .all(created.headers.get("x-request-id"));

    expect(rows).toEqual([
      {
        type: "key.created",
        outcome: "success",
        apiKeyId: keyOf(created).id,
        clientAddress: "127.0.0.1",
        actor: users.merchantA.email,
        merchant: environment().merchantAName,
      },
    ]);
  });
});

describe.each(transports())(
  "audit trail of the public API ($transport transport)",
  ({ baseUrl }) => {
    let api: PublicApi;
    let key: ProvisionedKey;
    const secrets: string[] = [];

    beforeAll(async () => {
      api = publicApi(baseUrl);
      key = await provisionKey(await signIn(baseUrl, environment().users.merchantA));
      secrets.push(
        key.apiKey,
        key.tokens.clientSecret,
        key.tokens.accessToken,
        key.tokens.refreshToken,
      );
    });

    it("records each authorize and refresh with its outcome, reason, key, address and request id", async () => {
      const ok = await api.authorize(key.credentials, key.tokens.accessToken);
      const wrongSecret = {
        ...key.credentials,
        clientSecret: randomBytes(32).toString("base64url"),
      };
      const denied = await api.authorize(wrongSecret, key.tokens.accessToken);
      const renewed = await api.refresh(key.credentials, key.tokens.refreshToken);
      const reused = await api.refresh(key.credentials, key.tokens.refreshToken);
      const base = { apiKeyId: key.keyId, clientAddress: "127.0.0.1" };

      secrets.push(
        stringField(renewed.json, "access_token"),
        stringField(renewed.json, "refresh_token"),
      );

      const expected: [HttpResult, Partial<AuditRow>][] = [
        [ok, { type: "api.authorize", outcome: "success", reason: null }],
        [denied, { type: "api.authorize", outcome: "denied", reason: "invalid_client" }],
        [renewed, { type: "api.refresh", outcome: "success", reason: null }],
        [reused, { type: "api.refresh", outcome: "denied", reason: "invalid_grant" }],
      ];

      for (const [result, row] of expected) {
        const rows = auditRowsFor(result);

        expect(rows).toEqual([
          {
            ...base,
            ...row,
            tokenSetId: expect.any(String) as string,
            requestId: result.headers.get("x-request-id"),
          },
        ]);
      }
    });

    it("records a call with an unknown client id without inventing a key", async () => {
      const unknown = { ...key.credentials, clientId: randomBytes(16).toString("hex") };
      const result = await api.authorize(unknown, key.tokens.accessToken);

      expect(auditRowsFor(result)).toEqual([
        expect.objectContaining({
          type: "api.authorize",
          outcome: "denied",
          reason: "invalid_client",
          apiKeyId: null,
        }),
      ]);
    });

    it("stores no plaintext key, secret or token anywhere in the database", () => {
      const stored = allStoredText();

      expect(secrets.length).toBeGreaterThanOrEqual(6);

      for (const secret of secrets) {
        expect(stored).not.toContain(secret);
      }
    });
  },
);
