import os from "node:os";

import { env } from "../../lib/env";
import { median } from "./rounds";
import type { Options, ScaleResult } from "./scale-run";

const GOALS = { endpointToCeiling: 0.5, largeToSmall: 0.9, p99Ms: 5, peakRssMb: 300 };

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const table = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
const sizeCells = (scale: ScaleResult) => [fixed(scale.keyCount), scale.database];

function throughputRows(scale: ScaleResult) {
  return (["C", "F", "E"] as const).map((name) => {
    const valid = scale.rounds.map((round) => round.valid[name]);
    const invalid = scale.rounds.flatMap((round) => round.invalid[name] ?? []);
    const invalidCells =
      invalid.length > 0
        ? [
            fixed(median(invalid.map((each) => each.rps))),
            fixed(median(invalid.map((each) => each.cpuUsPerRequest))),
          ]
        : ["–", "–"];

    return [
      ...sizeCells(scale),
      name,
      fixed(median(valid.map((each) => each.rps))),
      fixed(median(valid.map((each) => each.cpuUsPerRequest))),
      ...invalidCells,
      fixed(median(valid.map((each) => each.p99Ms)), 2),
    ];
  });
}

const ratios = (scale: ScaleResult, name: "E" | "F") =>
  scale.rounds.map((round) => round.valid[name].rps / round.valid.C.rps);

function refreshRows(scale: ScaleResult) {
  return (["C", "E"] as const).map((name) => {
    const runs = scale.refreshRounds.flatMap((round) => round[name] ?? []);
    const cell = (pick: (run: (typeof runs)[number]) => number) => fixed(median(runs.map(pick)));

    return [
      ...sizeCells(scale),
      name,
      cell((run) => run.alone.rps),
      cell((run) => run.alone.cpuUsPerRequest),
      cell((run) => run.mixed.rps),
      cell((run) => run.mixed.cpuUsPerRequest),
    ];
  });
}

export function renderReport(
  results: ScaleResult[],
  options: Options,
  problems: string[],
  startedAt: Date,
  totalSeconds: number,
  loadAverages: { before: number[]; after: number[] },
): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const endpointRps = (scale: ScaleResult) => median(scale.rounds.map((r) => r.valid.E.rps));
  const sqlite = results.filter((scale) => scale.database === "SQLite");
  const smallest = sqlite[0];
  const largest = sqlite[sqlite.length - 1];
  const p99At80 = largest?.latency.find((each) => each.fraction === 0.8 && each.target === "E");
  const peakRss = Math.max(...sqlite.map((scale) => scale.peakRssMb.E));
  const endpointToCeiling = largest ? median(ratios(largest, "E")) : Number.NaN;
  const largeToSmall =
    smallest && largest ? endpointRps(largest) / endpointRps(smallest) : Number.NaN;
  const verdict = (isMet: boolean) => (isMet ? "met" : "**not met**");

  const cacheEntries = env().VERIFY_CACHE_ENTRIES;

  return [
    `## Run of ${startedAt.toISOString()}${options.quick ? " (quick mode)" : ""}`,
    "",
    `${os.availableParallelism()} × ${cpu}, ${fixed(os.totalmem() / 2 ** 30, 1)} GiB, ` +
      `Node ${process.version}, ${options.rounds} round(s) of ${options.seconds} s per target, ` +
      `${fixed(totalSeconds)} s in all, authorize cache of ${cacheEntries} entries on SQLite. ` +
      `Load average (1, 5, 15 min) before: ` +
      `${loadAverages.before.map((each) => fixed(each, 2)).join(", ")}; after: ` +
      `${loadAverages.after.map((each) => fixed(each, 2)).join(", ")}.`,
    "",
    "### Throughput (wrk, median of rounds)",
    "",
    table(
      [
        "keys",
        "database",
        "target",
        "valid req/s",
        "valid CPU µs/req",
        "invalid req/s",
        "invalid CPU µs/req",
        "valid p99 ms at max",
      ],
      results.flatMap(throughputRows),
    ),
    "",
    "### Ratios to the ceiling (median of per-round ratios)",
    "",
    table(
      ["keys", "database", "E/C", "F/C", "E/C per round", "F/C per round"],
      results.map((scale) => [
        ...sizeCells(scale),
        fixed(median(ratios(scale, "E")), 3),
        fixed(median(ratios(scale, "F")), 3),
        ratios(scale, "E")
          .map((each) => fixed(each, 3))
          .join(", "),
        ratios(scale, "F")
          .map((each) => fixed(each, 3))
          .join(", "),
      ]),
    ),
    "",
    "### Refresh (wrk, median of rounds; mixed = 1 refresh per 50 authorizes)",
    "",
    table(
      [
        "keys",
        "database",
        "target",
        "refresh req/s",
        "refresh CPU µs/req",
        "mixed req/s",
        "mixed CPU µs/req",
      ],
      results.flatMap(refreshRows),
    ),
    "",
    "### Latency at a fixed rate (open-loop generator, valid mix, from each request's due time)",
    "",
    table(
      [
        "keys",
        "database",
        "share of E's max",
        "offered req/s",
        "target",
        "achieved req/s",
        "p50 ms",
        "p99 ms",
        "max ms",
      ],
      results.flatMap((scale) =>
        scale.latency.map(({ fraction, target, result }) => [
          ...sizeCells(scale),
          `${fixed(fraction * 100)} %`,
          fixed(result.rate),
          target,
          fixed(result.achievedRps),
          fixed(result.p50Ms, 2),
          fixed(result.p99Ms, 2),
          fixed(result.maxMs, 2),
        ]),
      ),
    ),
    "",
    "### Memory and data",
    "",
    table(
      [
        "keys",
        "database",
        "peak RSS C (MB)",
        "peak RSS F (MB)",
        "peak RSS E (MB)",
        "server child processes (C, F, E)",
        "data built in (s)",
        "full scans",
      ],
      results.map((scale) => [
        ...sizeCells(scale),
        fixed(scale.peakRssMb.C),
        fixed(scale.peakRssMb.F),
        fixed(scale.peakRssMb.E),
        `${scale.serverChildren.C}, ${scale.serverChildren.F}, ${scale.serverChildren.E}`,
        fixed(scale.generatedSeconds, 1),
        scale.plans.filter((plan) => plan.isFullScan).length,
      ]),
    ),
    "",
    "### Goals (judged on the SQLite runs)",
    "",
    table(
      ["goal", "measured", "verdict"],
      [
        [
          `E ≥ ${GOALS.endpointToCeiling} × C at ${largest?.keyCount} keys`,
          fixed(endpointToCeiling, 3),
          verdict(endpointToCeiling >= GOALS.endpointToCeiling),
        ],
        [
          `E at ${largest?.keyCount} keys ≥ ${GOALS.largeToSmall} × E at ${smallest?.keyCount}`,
          fixed(largeToSmall, 3),
          verdict(largeToSmall >= GOALS.largeToSmall),
        ],
        [
          `E p99 at 80 % of max ≤ ${GOALS.p99Ms} ms (${largest?.keyCount} keys)`,
          fixed(p99At80?.result.p99Ms ?? Number.NaN, 2),
          verdict((p99At80?.result.p99Ms ?? Infinity) <= GOALS.p99Ms),
        ],
        [
          `E's peak RSS ≤ ${GOALS.peakRssMb} MB`,
          fixed(peakRss),
          verdict(peakRss <= GOALS.peakRssMb),
        ],
      ],
    ),
    "",
    problems.length === 0
      ? "Every target answered every probe and every load run as expected."
      : ["Incorrect answers:", "", ...problems.map((problem) => `- ${problem}`)].join("\n"),
    "",
  ].join("\n");
}
