// An open-loop load at a fixed rate, started by load.ts on its own core. Request i is due at
// start + i / rate whether or not earlier answers have come back, and its latency counts from
// that due time, so a stalled server (or a stalled generator) shows in the tail instead of
// silently lowering the rate.
import fs from "node:fs";
import http from "node:http";

import * as hdr from "hdr-histogram-js";

type Input = {
  url: string;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  requests: { method: string; path: string; headers: Record<string, string>; body: string }[];
};

const input = JSON.parse(fs.readFileSync(process.argv[2] ?? "", "utf8")) as Input;
const agent = new http.Agent({ keepAlive: true, maxSockets: input.connections });
const target = new URL(input.url);
const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000 });
const total = Math.round(input.rate * (input.warmupSeconds + input.seconds));
const warmup = Math.round(input.rate * input.warmupSeconds);
const intervalMs = 1000 / input.rate;
let sent = 0;
let settled = 0;
let recorded = 0;
let non2xx = 0;
let errors = 0;
let measureStart = 0;
let measureEnd = 0;

function send(index: number, dueAt: number, onDone: () => void): void {
  const spec = input.requests[index % input.requests.length]!;
  const finish = (status: number | null) => {
    const endedAt = performance.now();

    if (index >= warmup) {
      histogram.recordValue(Math.max(1, Math.round((endedAt - dueAt) * 1000)));
      recorded += 1;
      measureEnd = endedAt;

      if (status === null) {
        errors += 1;
      } else if (status < 200 || status > 299) {
        non2xx += 1;
      }
    }

    onDone();
  };
  const request = http.request(
    {
      agent,
      host: target.hostname,
      port: target.port,
      method: spec.method,
      path: spec.path,
      headers: { ...spec.headers, "content-length": Buffer.byteLength(spec.body) },
    },
    (response) => {
      response.resume();
      response.on("end", () => finish(response.statusCode ?? null));
      response.on("error", () => finish(null));
    },
  );

  request.on("error", () => finish(null));
  request.end(spec.body);
}

const done = new Promise<void>((resolve) => {
  const startedAt = performance.now();
  const onDone = () => {
    settled += 1;

    if (settled === total) {
      resolve();
    }
  };
  const tick = () => {
    const now = performance.now();

    while (sent < total && startedAt + sent * intervalMs <= now) {
      const dueAt = startedAt + sent * intervalMs;

      if (sent === warmup) {
        measureStart = dueAt;
      }

      send(sent, dueAt, onDone);
      sent += 1;
    }

    if (sent < total) {
      setImmediate(tick);
    }
  };

  tick();
});

await done;
agent.destroy();

const seconds = (measureEnd - measureStart) / 1000;

console.log(
  JSON.stringify({
    achievedRps: recorded / seconds,
    p50Ms: histogram.getValueAtPercentile(50) / 1000,
    p99Ms: histogram.getValueAtPercentile(99) / 1000,
    maxMs: histogram.maxValue / 1000,
    non2xx,
    errors,
  }),
);
