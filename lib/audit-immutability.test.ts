import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const ALLOWED = new Set(["lib/audit-retention.ts"]);

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes("generated") && !file.endsWith(".test.ts"));
}

describe("audit rows are append-only", () => {
  it("has no update or delete of AuditEvent outside the retention command", () => {
    const offenders = [...sourceFiles("app"), ...sourceFiles("lib")].filter((file) => {
      const text = fs.readFileSync(path.join(root, file), "utf8");

      return (
        !ALLOWED.has(file) &&
        (/auditEvent\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/.test(text) ||
          /(UPDATE|DELETE FROM)\s+"?AuditEvent/i.test(text))
      );
    });

    expect(offenders).toEqual([]);
  });
});
