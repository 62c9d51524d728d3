import { openBenchDatabase, type Engine } from "./database";
import { measureThroughput } from "./load";
import { probeFloor, probePublicApi } from "./probes";
import type { StatementPlan } from "./query-plans";
import { onPath, validMix } from "./requests";
import {
  latencyRuns,
  median,
  refreshRounds,
  throughputRounds,
  type LatencyRun,
  type RefreshRound,
  type RoundResult,
  type RunContext,
} from "./rounds";
import { childCount, peakRssMb } from "./servers";
import { startTargets, stopTargets, type Target, type TargetName } from "./targets";

export type Options = {
  quick: boolean;
  scales: number[];
  postgresScales: number[];
  rounds: number;
  seconds: number;
  refreshSeconds: number;
  latencySeconds: number;
  warmupSeconds: number;
  /** Refresh grants prepared per second of a refresh run: must exceed what a server can do. */
  refreshPoolRate: number;
};

export type ScaleResult = {
  database: Engine;
  keyCount: number;
  /** How long building the data took, whenever it was built. */
  generatedSeconds: number;
  plans: StatementPlan[];
  rounds: RoundResult[];
  refreshRounds: RefreshRound[];
  latency: LatencyRun[];
  peakRssMb: Record<TargetName, number>;
  serverChildren: Record<TargetName, number>;
};

function perTarget(targets: Target[], read: (pid: number) => number): Record<TargetName, number> {
  const entries = targets.map((target) => [target.name, read(target.server.pid)]);

  return Object.fromEntries(entries) as Record<TargetName, number>;
}

async function measureTargets(context: RunContext, options: Options, log: (line: string) => void) {
  const { database, targets, problems } = context;
  const valid = validMix(database.keyCount);

  for (const target of targets) {
    problems.push(
      ...(target.name === "F"
        ? await probeFloor(target.server, onPath(valid, target.path)[0] ?? valid[0]!)
        : await probePublicApi(target.server, database)),
    );
  }

  for (const target of targets) {
    if (options.warmupSeconds > 0) {
      await measureThroughput(target.server, onPath(valid, target.path), options.warmupSeconds);
    }
  }

  const rounds = await throughputRounds(context, options.rounds, options.seconds, log);
  const poolSize = Math.ceil(options.refreshSeconds * options.refreshPoolRate);
  const refresh = await refreshRounds(context, options.rounds, options.refreshSeconds, poolSize);
  const endpointMax = median(rounds.map((round) => round.valid.E.rps));
  const latency = await latencyRuns(context, endpointMax, options.latencySeconds);

  return { rounds, refreshRounds: refresh, latency };
}

/** One database size: probes, interleaved throughput rounds, refresh rounds, then latency. */
export async function runScale(
  engine: Engine,
  keyCount: number,
  options: Options,
  problems: string[],
  log: (line: string) => void,
): Promise<ScaleResult> {
  const label = `${keyCount} keys (${engine})`;
  const database = await openBenchDatabase(engine, keyCount);

  try {
    log(`${label}: data built in ${database.generatedSeconds.toFixed(1)} s`);

    const plans = await database.checkQueryPlans();

    for (const plan of plans.filter((each) => each.isFullScan)) {
      problems.push(`${label}: ${plan.name} scans a whole table: ${plan.steps.join("; ")}`);
    }

    const targets = await startTargets(database.url);

    try {
      const measured = await measureTargets({ database, label, targets, problems }, options, log);

      return {
        database: engine,
        keyCount,
        generatedSeconds: database.generatedSeconds,
        plans,
        ...measured,
        peakRssMb: perTarget(targets, peakRssMb),
        serverChildren: perTarget(targets, childCount),
      };
    } finally {
      await stopTargets(targets);
    }
  } finally {
    await database.remove();
  }
}
