import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import type { BenchRequest } from "./requests";
import { writeRequestFile } from "./requests";
import { cpuSeconds, pinned, type ServerHandle } from "./servers";
import { BENCH_DIR } from "./dataset";

export const CONNECTIONS = 32;

/** Sockets the latency load may open: enough that a due request never waits for one. */
const LATENCY_CONNECTIONS = 64;

export type ThroughputResult = {
  requests: number;
  rps: number;
  failedStatus: number;
  socketErrors: number;
  wrapped: number;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerRequest: number;
};

type WrkSummary = {
  requests: number;
  durationUs: number;
  status: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  wrapped: number;
  p50Us: number;
  p99Us: number;
};

function runPinned(command: string, args: string[]): Promise<string> {
  const [pinnedCommand, pinnedArgs] = pinned(1, command, args);

  return new Promise((resolve, reject) => {
    const child = spawn(pinnedCommand, pinnedArgs, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";

    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} exited ${code}: ${stderr}`)),
    );
  });
}

/** Maximum throughput: wrk on core 1 replays the requests as fast as the server answers. */
export async function measureThroughput(
  server: ServerHandle,
  requests: BenchRequest[],
  seconds: number,
): Promise<ThroughputResult> {
  const file = path.join(BENCH_DIR, "wrk-requests.tsv");

  writeRequestFile(file, requests);

  const cpuBefore = cpuSeconds(server.pid);
  const script = path.resolve("scripts", "bench", "wrk-replay.lua");
  const output = await runPinned("wrk", [
    ...["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--timeout", "10s", "-s", script],
    ...[server.baseUrl, "--", file],
  ]);
  const cpuUsed = cpuSeconds(server.pid) - cpuBefore;
  const line = output.split("\n").find((each) => each.startsWith("BENCH_RESULT "));

  if (!line) {
    throw new Error(`wrk printed no result:\n${output}`);
  }

  const summary = JSON.parse(line.slice("BENCH_RESULT ".length)) as WrkSummary;

  return {
    requests: summary.requests,
    rps: summary.requests / (summary.durationUs / 1e6),
    failedStatus: summary.status,
    socketErrors: summary.connect + summary.read + summary.write + summary.timeout,
    wrapped: summary.wrapped,
    p50Ms: summary.p50Us / 1000,
    p99Ms: summary.p99Us / 1000,
    cpuUsPerRequest: (cpuUsed * 1e6) / summary.requests,
  };
}

export type LatencyResult = {
  rate: number;
  achievedRps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
};

/** Latency at a fixed offered rate: the open-loop generator in its own process on core 1. */
export async function measureLatency(
  server: ServerHandle,
  requests: BenchRequest[],
  rate: number,
  seconds: number,
): Promise<LatencyResult> {
  const file = path.join(BENCH_DIR, "paced-load-input.json");
  const input = {
    url: server.baseUrl,
    rate: Math.max(1, Math.round(rate)),
    seconds,
    warmupSeconds: 1,
    connections: LATENCY_CONNECTIONS,
    requests: requests.map(({ path: requestPath, headers, body }) => ({
      method: "POST",
      path: requestPath,
      headers: { ...headers, "content-type": "application/json" },
      body,
    })),
  };

  fs.writeFileSync(file, JSON.stringify(input));

  const output = await runPinned(process.execPath, [
    ...["--import", "tsx", path.resolve("scripts", "bench", "paced-load.ts"), file],
  ]);

  return { rate: input.rate, ...(JSON.parse(output) as Omit<LatencyResult, "rate">) };
}
