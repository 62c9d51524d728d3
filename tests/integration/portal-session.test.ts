import { describe, expect, it } from "vitest";

import { database } from "./helpers/database";
import { environment } from "./helpers/environment";
import { signIn } from "./helpers/portal-client";

function updateDisposableUser(assignment: string): void {
  const { email } = environment().users.disposable;
  const changed = database().prepare(`UPDATE User SET ${assignment} WHERE email = ?`).run(email);

  expect(changed.changes).toBe(1);
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

    updateDisposableUser("sessionVersion = sessionVersion + 1");

    const after = await portal.get("/api/keys");

    expect(after.status).toBe(401);
    expect(after.json.error).toBe("unauthorized");
    expect((await (await signIn(servers.node, users.disposable)).get("/api/keys")).status).toBe(
      200,
    );
  });

  it("ends an existing session at once and refuses sign-in when the user is disabled", async () => {
    const { servers, users } = environment();
    const portal = await signIn(servers.node, users.disposable);

    updateDisposableUser("disabled = 1");

    try {
      expect((await portal.get("/api/keys")).status).toBe(401);
      await expect(signIn(servers.node, users.disposable)).rejects.toThrow(/Sign-in failed/);
    } finally {
      updateDisposableUser("disabled = 0");
    }
  });
});
