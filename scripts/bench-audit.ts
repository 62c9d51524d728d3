import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

/**
 * Measures what the audit insert adds to an /api/authorize verification. "with audit" runs the
 * real authorizeCall; "without audit" replays its work through the same raw-driver statements
 * (the same lookup, the same credential check, the same last-used marks when they are due, in one
 * transaction) minus the audit row. Both run in-process on a scratch SQLite file in WAL mode, as the server does,
 * so HTTP and JSON costs are left out.
 */
const { values } = parseArgs({
  options: {
    iterations: { type: "string", default: "3000" },
    rounds: { type: "string", default: "5" },
  },
});
const iterations = Number(values.iterations);
const rounds = Number(values.rounds);
const databaseFile = path.resolve(".tmp", "bench-audit.db");

for (const suffix of ["", "-wal", "-shm"]) {
  fs.rmSync(`${databaseFile}${suffix}`, { force: true });
}

fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
process.env.DATABASE_URL = `file:${databaseFile}`;
process.env.LOG_LEVEL = "silent";

const migrated = spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
  env: process.env,
  stdio: "ignore",
});

if (migrated.status !== 0) {
  throw new Error("migrate deploy failed on the scratch database");
}

type Stats = { mean: number; p50: number; p95: number; p99: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

  return {
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

async function main() {
  const { db } = await import("../lib/db");
  const { authorizeCall } = await import("../lib/api-access/authorize");
  const { checkClient } = await import("../lib/api-access/client-credentials");
  const { openSqlite } = await import("../lib/api-access/sqlite-store");
  const { verifyStore } = await import("../lib/api-access/store");
  const { usageTouch } = await import("../lib/api-access/usage");
  const { generateApiKey, generateToken, hashSecret, secretHint } = await import("../lib/secrets");
  const { newGrant } = await import("../lib/tokens");

  const apiKey = generateApiKey();
  const clientSecret = generateToken();
  const merchant = await db.merchant.create({ data: { name: "Bench Ltd" } });
  const key = await db.apiKey.create({
    data: {
      merchantId: merchant.id,
      label: "bench",
      keyHash: hashSecret(apiKey),
      keyHint: secretHint(apiKey),
      settingsSavedAt: new Date(),
    },
  });
  const set = await db.tokenSet.create({
    data: {
      apiKeyId: key.id,
      clientId: "bench-client",
      clientSecretHash: hashSecret(clientSecret),
    },
  });
  const { grant, row } = newGrant(set.id, new Date());

  await db.tokenGrant.create({ data: row });

  const input = {
    apiKey,
    accessToken: grant.accessToken,
    clientId: "bench-client",
    clientSecret,
    clientAddress: "203.0.113.7",
  };
  const context = (index: number) => ({
    requestId: `bench-${index}`,
    clientAddress: input.clientAddress,
    userAgent: "bench-audit/1",
  });
  const store = await verifyStore();
  const connection = openSqlite();
  const touchKey = connection.prepare(`UPDATE ApiKey SET lastUsedAt = ? WHERE id = ?`);
  const touchGrant = connection.prepare(
    `UPDATE TokenGrant SET lastUsedAt = ?, lastClientAddress = ? WHERE id = ?`,
  );
  const touchOnly = connection.transaction((at: string, apiKeyId?: string, grantId?: string) => {
    if (apiKeyId) {
      touchKey.run(at, apiKeyId);
    }

    if (grantId) {
      touchGrant.run(at, input.clientAddress, grantId);
    }
  });

  async function withAudit(index: number) {
    const result = await authorizeCall(input, context(index));

    if (!result.ok) {
      throw new Error(`authorize denied: ${result.detail}`);
    }
  }

  async function withoutAudit() {
    const caller = await store.findCaller(input.clientId, {
      accessTokenHash: hashSecret(input.accessToken),
    });

    if (!caller?.grantId || checkClient(caller, input)) {
      throw new Error("replayed authorize denied");
    }

    const touch = usageTouch(caller, input.clientAddress, new Date());

    if (touch) {
      touchOnly(touch.at.toISOString().replace("Z", "+00:00"), touch.apiKeyId, touch.grantId);
    }
  }

  const samples = { with: [] as number[], without: [] as number[] };
  let counter = 0;

  async function timed(run: () => Promise<void>, into: number[]) {
    const startedAt = performance.now();

    await run();
    into.push(performance.now() - startedAt);
  }

  for (let index = 0; index < 300; index += 1) {
    await timed(() => withAudit(counter++), []);
    await timed(withoutAudit, []);
  }

  // Alternating call by call, so drift (GC, WAL checkpoints, a growing table) hits both alike.
  for (let index = 0; index < rounds * iterations; index += 1) {
    await timed(() => withAudit(counter++), samples.with);
    await timed(withoutAudit, samples.without);
  }

  const a = stats(samples.with);
  const b = stats(samples.without);
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  const rows = (["mean", "p50", "p95", "p99"] as const).map(
    (name) =>
      `| ${name} | ${ms(b[name])} | ${ms(a[name])} | +${ms(a[name] - b[name])} (${(
        ((a[name] - b[name]) / b[name]) *
        100
      ).toFixed(0)} %) |`,
  );
  const auditRows = await db.auditEvent.count();

  console.log(`Node ${process.version}, ${rounds} rounds × ${iterations} calls per variant, `);
  console.log(`${auditRows} audit rows in the table at the end.\n`);
  console.log("| per call | without audit insert | with audit insert | audit cost |");
  console.log("| --- | --- | --- | --- |");
  rows.forEach((row) => console.log(row));

  connection.close();
  await store.close();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
