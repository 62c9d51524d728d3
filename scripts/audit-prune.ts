import { parseArgs } from "node:util";

import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

const usage = `Usage: npm run audit:prune [-- --dry-run]
Deletes audit events older than AUDIT_RETENTION_DAYS (default 400).`;

async function main() {
  const { values } = parseArgs({
    options: { "dry-run": { type: "boolean" }, help: { type: "boolean" } },
  });

  if (values.help) {
    console.log(usage);

    return;
  }

  const { env } = await import("../lib/env");
  const { db } = await import("../lib/db");
  const { pruneAuditEvents, retentionCutoff } = await import("../lib/audit-retention");
  const days = env().AUDIT_RETENTION_DAYS;

  if (values["dry-run"]) {
    const cutoff = retentionCutoff(days);
    const count = await db.auditEvent.count({ where: { createdAt: { lt: cutoff } } });

    console.log(
      `Would delete ${count} audit events before ${cutoff.toISOString()} (${days} days).`,
    );

    return;
  }

  const { cutoff, deleted } = await pruneAuditEvents(days);

  console.log(`Deleted ${deleted} audit events before ${cutoff.toISOString()} (${days} days).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
