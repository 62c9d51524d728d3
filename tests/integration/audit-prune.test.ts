import { randomBytes } from "node:crypto";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { execute, query } from "./helpers/database";
import { environment } from "./helpers/environment";
import { run } from "./helpers/processes";

const root = path.resolve(import.meta.dirname, "../..");
const DAY_MS = 86_400_000;

function prune(...args: string[]) {
  return run("npx", ["tsx", "scripts/audit-prune.ts", ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: environment().database.url,
      AUDIT_RETENTION_DAYS: "30",
    },
  });
}

async function rowsOf(merchantId: string): Promise<string[]> {
  const rows = await query<{ id: string }>(
    `SELECT id FROM "AuditEvent" WHERE "merchantId" = ? ORDER BY id`,
    [merchantId],
  );

  return rows.map((row) => row.id);
}

describe("npm run audit:prune", () => {
  it("counts on --dry-run, then deletes only rows past retention, in batches", async () => {
    const merchantId = `prune-${randomBytes(4).toString("hex")}`;
    const now = Date.now();
    const ages = [...Array.from({ length: 23 }, (_, index) => 31 + index), 29, 1];

    for (const [index, days] of ages.entries()) {
      await execute(
        `INSERT INTO "AuditEvent" (id, "createdAt", type, outcome, "merchantId")
         VALUES (?, ?, 'api.authorize', 'success', ?)`,
        [
          `${merchantId}-${String(index).padStart(2, "0")}`,
          new Date(now - days * DAY_MS),
          merchantId,
        ],
      );
    }

    const counted = await prune("--dry-run");

    expect(counted.code, counted.stderr).toBe(0);
    expect(counted.stdout).toMatch(/Would delete \d+ audit events/);
    expect(await rowsOf(merchantId)).toHaveLength(25);

    const pruned = await prune("--batch-rows", "5");

    expect(pruned.code, pruned.stderr).toBe(0);
    expect(Number(/Deleted (\d+)/.exec(pruned.stdout)?.[1])).toBeGreaterThanOrEqual(23);
    expect(await rowsOf(merchantId)).toEqual([`${merchantId}-23`, `${merchantId}-24`]);
    expect((await prune("--batch-rows", "0")).code).toBe(1);
  });
});
