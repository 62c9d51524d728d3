import { randomBytes } from "node:crypto";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { query } from "./helpers/database";
import { environment } from "./helpers/environment";
import { run } from "./helpers/processes";

const root = path.resolve(import.meta.dirname, "../..");

function createUser(email: string, ...extra: string[]) {
  return run(
    "npx",
    ["tsx", "scripts/create-user.ts", "--email", email, "--role", "merchant", ...extra],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: environment().database.url,
        KEYWARD_PASSWORD: randomBytes(18).toString("base64url"),
        npm_config_loglevel: "silent",
      },
    },
  );
}

async function membersOf(merchantName: string): Promise<string[]> {
  const rows = await query<{ email: string }>(
    `SELECT u.email FROM "User" u JOIN "Merchant" m ON m.id = u."merchantId"
     WHERE m.name = ? ORDER BY u.email`,
    [merchantName],
  );

  return rows.map((row) => row.email);
}

describe("npm run user:create", () => {
  const suffix = randomBytes(4).toString("hex");
  const merchantName = `Corner Shop ${suffix}`;
  const first = `first-${suffix}@example.test`;
  const second = `second-${suffix}@example.test`;

  it("creates a new merchant and says so", async () => {
    const result = await createUser(first, "--merchant", merchantName);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`in the new merchant "${merchantName}"`);
    expect(await membersOf(merchantName)).toEqual([first]);
  });

  it("refuses to add a user to an existing merchant of that name unless told to", async () => {
    const refused = await createUser(second, "--merchant", merchantName);

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`A merchant named "${merchantName}" exists already`);
    expect(refused.stderr).toContain("--join");
    expect(await membersOf(merchantName)).toEqual([first]);

    const joined = await createUser(second, "--merchant", merchantName, "--join");

    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stdout).toContain(`in the existing merchant "${merchantName}" (1 other user(s))`);
    expect(await membersOf(merchantName).then((emails) => emails.sort())).toEqual(
      [first, second].sort(),
    );
  });
});
