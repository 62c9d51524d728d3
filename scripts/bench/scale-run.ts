import path from "node:path";

import { BENCH_DIR, ensureDataset, removeWorkingCopy, workingCopy } from "./dataset";
import {
  measureLatency,
  measureThroughput,
  type LatencyResult,
  type ThroughputResult,
} from "./load";
import { insertRefreshPool } from "./pool";
import { probeFloor, probePublicApi } from "./probes";
import { checkQueryPlans, type StatementPlan } from "./query-plans";
import { invalidMix, onPath, refreshMix, refreshRequest, validMix } from "./requests";
import {
  childCount,
  peakRssMb,
  serverEnvironment,
  startServer,
  stopServer,
  type ServerHandle,
} from "./servers";

export type Options = {
  quick: boolean;
  scales: number[];
  rounds: number;
  seconds: number;
  refreshSeconds: number;
  latencySeconds: number;
  warmupSeconds: number;
  /** Refresh grants prepared per second of a refresh run: must exceed what a server can do. */
  refreshPoolRate: number;
};

type Target = { name: "C" | "F" | "E"; server: ServerHandle; path: string };

export type RoundResult = {
  valid: Record<Target["name"], ThroughputResult>;
  invalid: Partial<Record<Target["name"], ThroughputResult>>;
};

export type RefreshRound = Partial<
  Record<Target["name"], { alone: ThroughputResult; mixed: ThroughputResult }>
>;

export type ScaleResult = {
  keyCount: number;
  /** How long building the cached file took, whenever it was built. */
  generatedSeconds: number;
  plans: StatementPlan[];
  rounds: RoundResult[];
  refreshRounds: RefreshRound[];
  latency: { fraction: number; target: Target["name"]; result: LatencyResult }[];
  peakRssMb: { C: number; E: number };
  serverChildren: { C: number; E: number };
};

const CEILING_PORT = 3601;
const KEYWARD_PORT = 3602;

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

async function startServers(
  file: string,
): Promise<{ ceiling: ServerHandle; keyward: ServerHandle }> {
  const logPath = (name: string) => path.join(BENCH_DIR, `${name}.log`);
  const ceiling = await startServer({
    name: "C",
    script: path.join("scripts", "bench", "ceiling-server.ts"),
    port: CEILING_PORT,
    env: serverEnvironment(file, CEILING_PORT),
    logPath: logPath("ceiling"),
  });

  try {
    const keyward = await startServer({
      name: "E",
      script: "server.ts",
      port: KEYWARD_PORT,
      env: serverEnvironment(file, KEYWARD_PORT),
      logPath: logPath("keyward"),
    });

    return { ceiling, keyward };
  } catch (error) {
    await stopServer(ceiling);
    throw error;
  }
}

/** One database size: probes, interleaved throughput rounds, refresh rounds, then latency. */
export async function runScale(
  keyCount: number,
  options: Options,
  problems: string[],
  log: (line: string) => void,
): Promise<ScaleResult> {
  const dataset = ensureDataset(keyCount);

  log(`${keyCount} keys: data file built in ${dataset.generatedSeconds.toFixed(1)} s`);

  const file = workingCopy(dataset);
  const plans = checkQueryPlans(file);

  for (const plan of plans.filter((each) => each.isFullScan)) {
    problems.push(`${keyCount} keys: ${plan.name} scans a whole table: ${plan.steps.join("; ")}`);
  }

  const { ceiling, keyward } = await startServers(file);

  try {
    const targets: Target[] = [
      { name: "C", server: ceiling, path: "/api/authorize" },
      { name: "F", server: keyward, path: "/api/health" },
      { name: "E", server: keyward, path: "/api/authorize" },
    ];
    const valid = validMix(keyCount);
    const invalid = invalidMix(keyCount);

    for (const server of [ceiling, keyward]) {
      problems.push(...(await probePublicApi(server, { databaseFile: file, keyCount })));
    }

    problems.push(...(await probeFloor(keyward, onPath(valid, "/api/health")[0] ?? valid[0]!)));

    for (const target of targets) {
      if (options.warmupSeconds > 0) {
        await measureThroughput(target.server, onPath(valid, target.path), options.warmupSeconds);
      }
    }

    const rounds: RoundResult[] = [];

    for (let round = 1; round <= options.rounds; round += 1) {
      const result: RoundResult = { valid: {} as RoundResult["valid"], invalid: {} };

      for (const target of targets) {
        const label = `${keyCount} keys, round ${round}, ${target.name}`;

        result.valid[target.name] = await measureThroughput(
          target.server,
          onPath(valid, target.path),
          options.seconds,
        );
        expectAnswers(problems, `${label} valid`, result.valid[target.name], {
          failed: "none",
          mayWrap: true,
        });

        if (target.name !== "F") {
          result.invalid[target.name] = await measureThroughput(
            target.server,
            invalid,
            options.seconds,
          );
          expectAnswers(problems, `${label} invalid`, result.invalid[target.name]!, {
            failed: "all",
            mayWrap: true,
          });
        }
      }

      log(
        `round ${round}: C ${result.valid.C.rps.toFixed(0)} F ${result.valid.F.rps.toFixed(0)} ` +
          `E ${result.valid.E.rps.toFixed(0)} req/s`,
      );
      rounds.push(result);
    }

    const refreshRounds: RefreshRound[] = [];
    const poolSize = Math.ceil(options.refreshSeconds * options.refreshPoolRate);

    for (let round = 1; round <= options.rounds; round += 1) {
      const result: RefreshRound = {};

      for (const target of targets.filter((each) => each.name !== "F")) {
        const label = `${keyCount} keys, refresh round ${round}, ${target.name}`;
        const alonePool = insertRefreshPool(file, keyCount, poolSize);
        const alone = await measureThroughput(
          target.server,
          alonePool.map(refreshRequest),
          options.refreshSeconds,
        );
        const mixedPool = insertRefreshPool(file, keyCount, Math.ceil(poolSize / 50));
        const mixed = await measureThroughput(
          target.server,
          refreshMix(keyCount, mixedPool.map(refreshRequest)),
          options.refreshSeconds,
        );

        expectAnswers(problems, `${label} alone`, alone, { failed: "none", mayWrap: false });
        expectAnswers(problems, `${label} mixed`, mixed, { failed: "none", mayWrap: false });
        result[target.name] = { alone, mixed };
      }

      refreshRounds.push(result);
    }

    const endpointMax = median(rounds.map((round) => round.valid.E.rps));
    const latency: ScaleResult["latency"] = [];

    for (const fraction of [0.5, 0.8]) {
      for (const target of targets) {
        const result = await measureLatency(
          target.server,
          onPath(valid, target.path),
          endpointMax * fraction,
          options.latencySeconds,
        );

        if (result.non2xx > 0 || result.errors > 0) {
          problems.push(
            `${keyCount} keys, latency at ${fraction * 100} %, ${target.name}: ` +
              `${result.non2xx} non-2xx, ${result.errors} errors`,
          );
        }

        latency.push({ fraction, target: target.name, result });
      }
    }

    return {
      keyCount,
      generatedSeconds: dataset.generatedSeconds,
      plans,
      rounds,
      refreshRounds,
      latency,
      peakRssMb: { C: peakRssMb(ceiling.pid), E: peakRssMb(keyward.pid) },
      serverChildren: { C: childCount(ceiling.pid), E: childCount(keyward.pid) },
    };
  } finally {
    await Promise.all([stopServer(ceiling), stopServer(keyward)]);
    removeWorkingCopy(file);
  }
}
