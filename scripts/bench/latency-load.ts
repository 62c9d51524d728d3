// Runs autocannon at a fixed rate and prints its latency summary as JSON; started by load.ts.
import fs from "node:fs";

import autocannon from "autocannon";

type Input = {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  requests: autocannon.Request[];
};

const input = JSON.parse(fs.readFileSync(process.argv[2] ?? "", "utf8")) as Input;
const result = await autocannon({
  url: input.url,
  connections: input.connections,
  duration: input.seconds,
  overallRate: input.rate,
  requests: input.requests,
});

console.log(
  JSON.stringify({
    achievedRps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }),
);
