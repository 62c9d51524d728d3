// `npm run bench` (full) and `npm run bench -- --quick` (CI): see docs/benchmarks.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { BENCH_DIR } from "./dataset";
import { PG_ADMIN_URL, postgresAnswers } from "./postgres-dataset";
import { renderReport } from "./report";
import { runScale, type Options, type ScaleResult } from "./scale-run";

function parseOptions(argv: string[]): Options {
  const quick = argv.includes("--quick");
  const value = (name: string) =>
    argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const number = (name: string, fallback: number) => Number(value(name) ?? fallback);
  const sizes = (name: string, fallback: string) =>
    (value(name) ?? fallback).split(",").filter(Boolean).map(Number);

  return {
    quick,
    scales: sizes("scales", quick ? "1000" : "1000,100000,1000000"),
    postgresScales: sizes("postgres-scales", quick ? "1000" : "100000"),
    rounds: number("rounds", quick ? 1 : 3),
    seconds: number("seconds", quick ? 1 : 6),
    refreshSeconds: number("refresh-seconds", quick ? 1 : 4),
    latencySeconds: number("latency-seconds", quick ? 1 : 8),
    warmupSeconds: number("warmup-seconds", quick ? 0 : 3),
    refreshPoolRate: number("refresh-pool-rate", 12_000),
  };
}

function assertPrerequisites(): void {
  if (spawnSync("sh", ["-c", "command -v wrk"]).status !== 0) {
    throw new Error("wrk is not installed (Debian: apt-get install -y wrk).");
  }

  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first.");
  }
}

/** Quick mode's default PostgreSQL run needs a server only in CI; asked-for runs always do. */
async function checkPostgres(options: Options, argv: string[]): Promise<Options> {
  if (options.postgresScales.length === 0 || (await postgresAnswers())) {
    return options;
  }

  const optional = options.quick && !argv.some((arg) => arg.startsWith("--postgres-scales="));

  if (optional && process.env.CI !== "true") {
    console.log(`PostgreSQL does not answer at ${PG_ADMIN_URL}: its runs are skipped.`);

    return { ...options, postgresScales: [] };
  }

  throw new Error(
    `PostgreSQL does not answer at ${PG_ADMIN_URL} (set KEYWARD_PG_ADMIN_URL, ` +
      "or pass --postgres-scales= to run on SQLite only).",
  );
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = await checkPostgres(parseOptions(argv), argv);
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const problems: string[] = [];
  const results: ScaleResult[] = [];

  assertPrerequisites();
  fs.mkdirSync(BENCH_DIR, { recursive: true });

  const runs = [
    ...options.scales.map((keyCount) => ({ engine: "SQLite" as const, keyCount })),
    ...options.postgresScales.map((keyCount) => ({ engine: "PostgreSQL" as const, keyCount })),
  ];

  for (const { engine, keyCount } of runs) {
    console.log(`--- ${keyCount} keys on ${engine}`);
    results.push(await runScale(engine, keyCount, options, problems, (line) => console.log(line)));
  }

  const totalSeconds = (Date.now() - startedAt.getTime()) / 1000;
  const report = renderReport(results, options, problems, startedAt, totalSeconds, {
    before: loadBefore,
    after: os.loadavg(),
  });
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");

  fs.writeFileSync(path.join(BENCH_DIR, `results-${stamp}.md`), report);
  fs.writeFileSync(
    path.join(BENCH_DIR, `results-${stamp}.json`),
    JSON.stringify({ options, loadBefore, results, problems }, null, 2),
  );
  console.log(`\n${report}`);

  if (problems.length > 0) {
    console.error(`${problems.length} incorrect answer(s): see above.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
