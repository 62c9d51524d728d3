import { randomBytes } from "node:crypto";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { execute } from "../helpers/database";
import { environment } from "../helpers/environment";
import { run, startDetached, stopServer, waitUntilReady } from "../helpers/processes";
import { signIn } from "../helpers/portal-client";

const root = path.resolve(import.meta.dirname, "../../..");

async function npmRun(script: string, args: string[], extraEnv: Record<string, string> = {}) {
  const result = await run("npm", ["run", "--silent", script, "--", ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: environment().database.url,
      ...extraEnv,
    },
  });

  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);

  return result;
}

describe("operator commands end a user's sessions at once", () => {
  it("user:password ends the old session; the new password signs in", async () => {
    const { servers, users } = environment();
    const user = users.disposable;
    const portal = await signIn(servers.node, user);
    const newPassword = `${user.password}-new`;

    expect((await portal.get("/api/keys")).status).toBe(200);

    await npmRun("user:password", ["--email", user.email], { KEYWARD_PASSWORD: newPassword });

    try {
      expect((await portal.get("/api/keys")).status).toBe(401);
      await expect(signIn(servers.node, user)).rejects.toThrow(/Sign-in failed/);
      expect(
        (await (await signIn(servers.node, { ...user, password: newPassword })).get("/api/keys"))
          .status,
      ).toBe(200);
    } finally {
      await npmRun("user:password", ["--email", user.email], { KEYWARD_PASSWORD: user.password });
    }
  });

  it("user:disable ends the session and refuses sign-in", async () => {
    const { servers, users } = environment();
    const user = users.disposable;
    const portal = await signIn(servers.node, user);

    await npmRun("user:disable", ["--email", user.email]);

    try {
      expect((await portal.get("/api/keys")).status).toBe(401);
      await expect(signIn(servers.node, user)).rejects.toThrow(/Sign-in failed/);
    } finally {
      await execute(`UPDATE "User" SET disabled = ? WHERE email = ?`, [false, user.email]);
    }
  });

  async function sessionCookie(baseUrl: string): Promise<string | undefined> {
    const { users } = environment();
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookies = csrf.headers.getSetCookie().map((line) => line.split(";")[0]);
    const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookies.join("; "),
      },
      body: new URLSearchParams({ csrfToken, ...users.merchantB, json: "true" }),
    });

    return response.headers.getSetCookie().find((line) => /next-auth\.session-token=/.test(line));
  }

  it("sets the session cookie httpOnly and SameSite=Lax, and not Secure over plain http", async () => {
    const session = await sessionCookie(environment().servers.node);

    expect(session).toMatch(/^next-auth\.session-token=/);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);
  });

  it("sets the session cookie Secure, with a __Secure- name, when the portal URL is https", async () => {
    const port = 3551;
    const server = startDetached(
      "https-url",
      `http://127.0.0.1:${port}`,
      ["--import", "tsx", "server.ts"],
      {
        cwd: root,
        logPath: path.join(root, ".tmp", `it-https-url-${port}.log`),
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: environment().database.url,
          PORT: String(port),
          HOST: "127.0.0.1",
          NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
          NEXTAUTH_URL: "https://keyward.example",
          LOG_LEVEL: "warn",
        },
      },
    );

    try {
      await waitUntilReady(server, 90_000);

      const session = await sessionCookie(server.baseUrl);

      expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
    } finally {
      await stopServer(server);
    }
  }, 120_000);
});
