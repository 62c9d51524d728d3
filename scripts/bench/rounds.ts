import type { BenchDatabase } from "./database";
import {
  measureLatency,
  measureThroughput,
  type LatencyResult,
  type ThroughputResult,
} from "./load";
import { invalidMix, onPath, refreshMix, refreshRequest, validMix } from "./requests";
import type { Target, TargetName } from "./targets";

export type RoundResult = {
  valid: Record<TargetName, ThroughputResult>;
  invalid: Partial<Record<TargetName, ThroughputResult>>;
};

export type RefreshRound = Partial<
  Record<TargetName, { alone: ThroughputResult; mixed: ThroughputResult }>
>;

export type LatencyRun = { fraction: number; target: TargetName; result: LatencyResult };

/** One size on one database: its targets, and the label of any problem they show. */
export type RunContext = {
  database: BenchDatabase;
  label: string;
  targets: Target[];
  problems: string[];
};

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

function expectAnswers(
  problems: string[],
  label: string,
  result: ThroughputResult,
  expected: { failed: "none" | "all"; mayWrap: boolean },
): void {
  const failedWanted = expected.failed === "all" ? result.requests : 0;

  if (result.failedStatus !== failedWanted) {
    problems.push(
      `${label}: ${result.failedStatus} of ${result.requests} failed, wanted ${failedWanted}`,
    );
  }

  if (result.socketErrors > 0) {
    problems.push(`${label}: ${result.socketErrors} socket errors or timeouts`);
  }

  if (!expected.mayWrap && result.wrapped > 0) {
    problems.push(`${label}: the refresh pool ran out; raise --refresh-pool-rate`);
  }

  if (result.requests === 0) {
    problems.push(`${label}: no request completed`);
  }
}

/** Interleaved rounds: every target on the valid mix, C and E also on the invalid mix. */
export async function throughputRounds(
  context: RunContext,
  rounds: number,
  seconds: number,
  log: (line: string) => void,
): Promise<RoundResult[]> {
  const { keyCount } = context.database;
  const valid = validMix(keyCount);
  const invalid = invalidMix(keyCount);
  const results: RoundResult[] = [];

  for (let round = 1; round <= rounds; round += 1) {
    const result: RoundResult = { valid: {} as RoundResult["valid"], invalid: {} };

    for (const target of context.targets) {
      const label = `${context.label}, round ${round}, ${target.name}`;
      const requests = onPath(valid, target.path);

      result.valid[target.name] = await measureThroughput(target.server, requests, seconds);
      expectAnswers(context.problems, `${label} valid`, result.valid[target.name], {
        failed: "none",
        mayWrap: true,
      });

      if (target.name !== "F") {
        const measured = await measureThroughput(target.server, invalid, seconds);

        result.invalid[target.name] = measured;
        expectAnswers(context.problems, `${label} invalid`, measured, {
          failed: "all",
          mayWrap: true,
        });
      }
    }

    log(
      `round ${round}: C ${result.valid.C.rps.toFixed(0)} F ${result.valid.F.rps.toFixed(0)} ` +
        `E ${result.valid.E.rps.toFixed(0)} req/s`,
    );
    results.push(result);
  }

  return results;
}

/** Refresh alone and mixed into authorizes, C and E interleaved, each on a fresh pool batch. */
export async function refreshRounds(
  context: RunContext,
  rounds: number,
  seconds: number,
  poolSize: number,
): Promise<RefreshRound[]> {
  const { database } = context;
  const results: RefreshRound[] = [];

  for (let round = 1; round <= rounds; round += 1) {
    const result: RefreshRound = {};

    for (const target of context.targets.filter((each) => each.name !== "F")) {
      const label = `${context.label}, refresh round ${round}, ${target.name}`;
      const alonePool = await database.refreshPool(poolSize);
      const alone = await measureThroughput(target.server, alonePool.map(refreshRequest), seconds);
      const mixedPool = await database.refreshPool(Math.ceil(poolSize / 50));
      const mixed = await measureThroughput(
        target.server,
        refreshMix(database.keyCount, mixedPool.map(refreshRequest)),
        seconds,
      );

      expectAnswers(context.problems, `${label} alone`, alone, { failed: "none", mayWrap: false });
      expectAnswers(context.problems, `${label} mixed`, mixed, { failed: "none", mayWrap: false });
      result[target.name] = { alone, mixed };
    }

    results.push(result);
  }

  return results;
}

/** p50 and p99 of every target at 50 % and 80 % of E's median maximum on the valid mix. */
export async function latencyRuns(
  context: RunContext,
  endpointMax: number,
  seconds: number,
): Promise<LatencyRun[]> {
  const valid = validMix(context.database.keyCount);
  const runs: LatencyRun[] = [];

  for (const fraction of [0.5, 0.8]) {
    for (const target of context.targets) {
      const result = await measureLatency(
        target.server,
        onPath(valid, target.path),
        endpointMax * fraction,
        seconds,
      );

      if (result.non2xx > 0 || result.errors > 0) {
        context.problems.push(
          `${context.label}, latency at ${fraction * 100} %, ${target.name}: ` +
            `${result.non2xx} non-2xx, ${result.errors} errors`,
        );
      }

      runs.push({ fraction, target: target.name, result });
    }
  }

  return runs;
}
