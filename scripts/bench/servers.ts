import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";

export type ServerHandle = {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  pid: number;
  logPath: string;
};

const CLOCK_TICKS_PER_SECOND = 100;

/** The heap limit `npm start` gives the production server (KEYWARD_HEAP_MB, default 256). */
const HEAP_LIMIT_FLAG = "--max-old-space-size=256";

/** Pins a command to one core when the machine has two, so server and load never share one. */
export function pinned(core: number, command: string, args: string[]): [string, string[]] {
  return os.availableParallelism() >= 2
    ? ["taskset", ["-c", String(core), command, ...args]]
    : [command, args];
}

/** The same environment for every server; see docs/benchmarks.md for why each value is set. */
export function serverEnvironment(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    RATE_LIMIT_FAILURES: "1000000000",
    KEYWARD_PUBLIC_API_TRANSPORT: "node",
  };
}

export async function startServer(input: {
  name: string;
  script: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logPath: string;
}): Promise<ServerHandle> {
  const log = fs.openSync(input.logPath, "w");
  // taskset execs node in place, so the child's pid is the node process itself.
  const [command, args] = pinned(0, process.execPath, [
    HEAP_LIMIT_FLAG,
    ...["--import", "tsx", input.script],
  ]);
  const child = spawn(command, args, { env: input.env, stdio: ["ignore", log, log] });

  fs.closeSync(log);

  if (child.pid === undefined) {
    throw new Error(`${input.name}: could not start ${input.script}`);
  }

  const handle = {
    name: input.name,
    baseUrl: `http://127.0.0.1:${input.port}`,
    child,
    pid: child.pid,
    logPath: input.logPath,
  };

  await waitUntilAnswering(handle, 120_000);
  assertIsNode(handle.pid);

  return handle;
}

async function waitUntilAnswering(server: ServerHandle, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      const log = fs.readFileSync(server.logPath, "utf8").split("\n").slice(-20).join("\n");

      throw new Error(`${server.name} exited during start:\n${log}`);
    }

    const answered = await fetch(`${server.baseUrl}/api/health`)
      .then(() => true)
      .catch(() => false);

    if (answered) {
      return;
    }

    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  throw new Error(`${server.name} did not answer within ${timeoutMs} ms`);
}

function assertIsNode(pid: number): void {
  const executable = fs.readlinkSync(`/proc/${pid}/exe`);

  if (executable !== fs.realpathSync(process.execPath)) {
    throw new Error(`pid ${pid} runs ${executable}, not node: CPU would be measured on a wrapper`);
  }
}

function descendants(pid: number): number[] {
  const tasks = fs.readdirSync(`/proc/${pid}/task`);
  const children = tasks.flatMap((task) =>
    fs
      .readFileSync(`/proc/${pid}/task/${task}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number),
  );

  return children.flatMap((child) => [child, ...descendants(child)]);
}

function ownCpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");

  // Fields 14 and 15 of proc(5), utime and stime, counted from the state field (field 3).
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU seconds used so far by the server and anything it spawned. */
export function cpuSeconds(pid: number): number {
  const ticks = [pid, ...descendants(pid)].reduce((sum, each) => sum + ownCpuTicks(each), 0);

  return ticks / CLOCK_TICKS_PER_SECOND;
}

export function childCount(pid: number): number {
  return descendants(pid).length;
}

/** Peak resident set size in MB, from VmHWM. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);

  return kb / 1024;
}

export async function stopServer(server: ServerHandle): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    return;
  }

  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  const forced = setTimeout(() => server.child.kill("SIGKILL"), 10_000);

  server.child.kill("SIGTERM");
  await exited;
  clearTimeout(forced);
}
