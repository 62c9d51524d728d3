import { parseArgs } from "node:util";

import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

const usage = `Usage: npm run audit:prune [-- --dry-run] [-- --batch-rows N]
Deletes audit events older than AUDIT_RETENTION_DAYS (default 400), the oldest first, N rows
(default 5000) per statement. --dry-run only counts them.`;

async function main() {
  const { values } = parseArgs({
    options: {
      "dry-run": { type: "boolean" },
      "batch-rows": { type: "string" },
      help: { type: "boolean" },
    },
  });

  if (values.help) {
    console.log(usage);

    return;
  }

  const { env } = await import("../lib/env");
  const { db } = await import("../lib/db");
  const { pruneAuditEvents, retentionCutoff, PRUNE_BATCH_ROWS } =
    await import("../lib/audit-retention");
  const days = env().AUDIT_RETENTION_DAYS;
  const batchRows = Number(values["batch-rows"] ?? PRUNE_BATCH_ROWS);

  if (!Number.isInteger(batchRows) || batchRows < 1 || batchRows > 10_000) {
    throw new Error("--batch-rows must be a whole number from 1 to 10000.");
  }

  if (values["dry-run"]) {
    const cutoff = retentionCutoff(days);
    const count = await db.auditEvent.count({ where: { createdAt: { lt: cutoff } } });

    console.log(
      `Would delete ${count} audit events before ${cutoff.toISOString()} (${days} days).`,
    );

    return;
  }

  const { cutoff, deleted } = await pruneAuditEvents(days, { batchRows });

  console.log(`Deleted ${deleted} audit events before ${cutoff.toISOString()} (${days} days).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
