import path from "node:path";

import { BENCH_DIR } from "./dataset";
import { serverEnvironment, startServer, stopServer, type ServerHandle } from "./servers";

export type TargetName = "C" | "F" | "E";

export type Target = { name: TargetName; server: ServerHandle; path: string };

/** F and E run the same production server, each in its own process, so each has its own RSS. */
const SPECS: { name: TargetName; script: string; port: number; log: string; path: string }[] = [
  {
    name: "C",
    script: path.join("scripts", "bench", "ceiling-server.ts"),
    port: 3601,
    log: "ceiling",
    path: "/api/authorize",
  },
  { name: "F", script: "server.ts", port: 3603, log: "floor", path: "/api/health" },
  { name: "E", script: "server.ts", port: 3602, log: "keyward", path: "/api/authorize" },
];

export function stopTargets(targets: Target[]): Promise<void[]> {
  return Promise.all(targets.map((target) => stopServer(target.server)));
}

/** Starts C, F and E on the run's database, one after the other, in that order. */
export async function startTargets(databaseUrl: string): Promise<Target[]> {
  const targets: Target[] = [];

  try {
    for (const spec of SPECS) {
      const server = await startServer({
        name: spec.name,
        script: spec.script,
        port: spec.port,
        env: serverEnvironment(databaseUrl, spec.port),
        logPath: path.join(BENCH_DIR, `${spec.log}.log`),
      });

      targets.push({ name: spec.name, server, path: spec.path });
    }
  } catch (error) {
    await stopTargets(targets);
    throw error;
  }

  return targets;
}
