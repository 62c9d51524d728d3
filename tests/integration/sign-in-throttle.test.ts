import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { query } from "./helpers/database";
import { environment, type Credentials } from "./helpers/environment";
import { uniqueLoopbackAddress } from "./helpers/http";
import { attemptSignIn, type SignInAttempt } from "./helpers/portal-client";

/**
 * Runs on the server started with SIGN_IN_FAILURES_PER_EMAIL=3 and SIGN_IN_FAILURES_PER_ADDRESS
 * =10, each test from addresses of its own: on PostgreSQL every server of the run counts
 * failures in one shared table.
 */
function wrongPassword(user: Credentials): Credentials {
  return { ...user, password: `wrong-${randomBytes(9).toString("base64url")}` };
}

function unknownUser(): Credentials {
  return { email: `nobody-${randomBytes(6).toString("hex")}@example.test`, password: "whatever-1" };
}

async function attempts(count: number, attempt: () => Promise<SignInAttempt>) {
  for (let index = 0; index < count; index += 1) {
    const result = await attempt();

    expect(result.error).toBe("CredentialsSignin");
    expect(result.client).toBeNull();
  }
}

function expectThrottled(result: SignInAttempt) {
  expect(result).toMatchObject({ status: 401, error: "SignInThrottled", client: null });
}

async function auditRowsOf(email: string) {
  return query<{ outcome: string; reason: string | null; detail: string | null }>(
    `SELECT e.outcome, e.reason, e.detail FROM "AuditEvent" e
       JOIN "User" u ON u.id = e."actorUserId"
      WHERE u.email = ? AND e.type = 'auth.sign_in'
      ORDER BY e."createdAt", e.id`,
    [email],
  );
}

describe("portal sign-in throttling", () => {
  it("refuses even the right password once an email has failed 3 times since its last sign-in", async () => {
    const { servers, users } = environment();
    const from = uniqueLoopbackAddress();
    const attempt = (user: Credentials) => attemptSignIn(servers.rateLimited, user, from);

    await attempts(2, () => attempt(wrongPassword(users.throttled)));
    expect((await attempt(users.throttled)).client).not.toBeNull();

    await attempts(3, () => attempt(wrongPassword(users.throttled)));

    const throttled = await attemptSignIn(servers.rateLimited, users.throttled, from);

    expectThrottled(throttled);
    expectThrottled(await attemptSignIn(servers.rateLimited, users.throttled));

    const rows = await auditRowsOf(users.throttled.email);

    expect(rows.slice(-2)).toEqual([
      { outcome: "denied", reason: "sign_in_throttled", detail: "over the email limit" },
      { outcome: "denied", reason: "sign_in_throttled", detail: "over the email limit" },
    ]);
    expect(rows.filter((row) => row.outcome === "denied")).toHaveLength(7);
  });

  it("refuses an unknown email past 3 failures exactly as it refuses a known one", async () => {
    const { servers } = environment();
    const from = uniqueLoopbackAddress();
    const nobody = unknownUser();

    await attempts(3, () => attemptSignIn(servers.rateLimited, nobody, from));

    const elsewhere = uniqueLoopbackAddress();
    const throttled = await attemptSignIn(servers.rateLimited, nobody, elsewhere);
    const rows = await query<{ outcome: string; actorUserId: string | null }>(
      `SELECT outcome, "actorUserId" FROM "AuditEvent"
        WHERE type = 'auth.sign_in' AND reason = 'sign_in_throttled' AND "clientAddress" = ?`,
      [elsewhere],
    );

    expectThrottled(throttled);
    expect(rows).toEqual([{ outcome: "denied", actorUserId: null }]);
  });

  it("refuses every email from an address past 10 failures, and no other address", async () => {
    const { servers, users } = environment();
    const from = uniqueLoopbackAddress();

    await attempts(10, () => attemptSignIn(servers.rateLimited, unknownUser(), from));

    expectThrottled(await attemptSignIn(servers.rateLimited, unknownUser(), from));
    expectThrottled(await attemptSignIn(servers.rateLimited, users.merchantB, from));

    const [row] = await query<{ detail: string | null }>(
      `SELECT detail FROM "AuditEvent"
        WHERE type = 'auth.sign_in' AND reason = 'sign_in_throttled' AND "clientAddress" = ?
        ORDER BY "createdAt" DESC, id DESC`,
      [from],
    );
    const elsewhere = await attemptSignIn(
      servers.rateLimited,
      users.merchantB,
      uniqueLoopbackAddress(),
    );

    expect(row?.detail).toBe("over the address limit");
    expect(elsewhere.client).not.toBeNull();
  });
});
