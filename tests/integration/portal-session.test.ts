import { describe, expect, it } from "vitest";

import { execute, query, type SqlValue } from "./helpers/database";
import { environment } from "./helpers/environment";
import { signIn } from "./helpers/portal-client";

async function updateDisposableUser(assignment: string, params: SqlValue[] = []) {
  const { email } = environment().users.disposable;
  const changed = await execute(`UPDATE "User" SET ${assignment} WHERE "email" = ?`, [
    ...params,
    email,
  ]);

  expect(changed).toBe(1);
}

describe("portal sessions", () => {
  it("refuses a sign-in with a wrong password", async () => {
    const { servers, users } = environment();
    const attempt = signIn(servers.node, { ...users.disposable, password: "wrong-password-123" });

    await expect(attempt).rejects.toThrow(/Sign-in failed/);
  });

  it("ends an existing session at once when the user's session version changes", async () => {
    const { servers, users } = environment();
    const portal = await signIn(servers.node, users.disposable);

    expect((await portal.get("/api/keys")).status).toBe(200);

    await updateDisposableUser(`"sessionVersion" = "sessionVersion" + 1`);

    const after = await portal.get("/api/keys");

    expect(after.status).toBe(401);
    expect(after.json.error).toBe("unauthorized");
    expect((await (await signIn(servers.node, users.disposable)).get("/api/keys")).status).toBe(
      200,
    );
  });

  it("refuses a signed-out session's cookie for good, and leaves the user's other sessions", async () => {
    const { servers, users } = environment();
    const signedOut = await signIn(servers.node, users.disposable);
    const otherDevice = await signIn(servers.node, users.disposable);

    expect((await signedOut.get("/api/keys")).status).toBe(200);

    const signOut = await signedOut.signOut();

    expect(signOut.status).toBe(200);
    expect(signOut.headers.getSetCookie().join()).toMatch(/next-auth\.session-token=;/);

    const api = await signedOut.get("/api/keys");
    const page = await signedOut.get("/account-security/api-secret-key");
    const renewal = await signedOut.get("/api/auth/session");

    expect(api.status).toBe(401);
    expect(api.json.error).toBe("unauthorized");
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get("location") ?? "", servers.node).pathname).toBe("/sign-in");
    expect(renewal.json).toEqual({});
    expect((await otherDevice.get("/api/keys")).status).toBe(200);
  });

  it("audits a sign-out with its user, merchant and address", async () => {
    const { servers, users } = environment();
    const signOuts = () =>
      query<{ merchantId: string | null; clientAddress: string | null; outcome: string }>(
        `SELECT e."merchantId", e."clientAddress", e.outcome FROM "AuditEvent" e
          JOIN "User" u ON u.id = e."actorUserId" AND u."merchantId" = e."merchantId"
          WHERE e.type = 'auth.sign_out' AND u.email = ?`,
        [users.merchantA.email],
      );
    const before = await signOuts();

    expect((await (await signIn(servers.node, users.merchantA)).signOut()).status).toBe(200);

    const after = await signOuts();

    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ clientAddress: "127.0.0.1", outcome: "success" });
  });

  it("ends an existing session at once and refuses sign-in when the user is disabled", async () => {
    const { servers, users } = environment();
    const portal = await signIn(servers.node, users.disposable);

    await updateDisposableUser(`"disabled" = ?`, [true]);

    try {
      expect((await portal.get("/api/keys")).status).toBe(401);
      await expect(signIn(servers.node, users.disposable)).rejects.toThrow(/Sign-in failed/);
    } finally {
      await updateDisposableUser(`"disabled" = ?`, [false]);
    }
  });
});
