import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export type RunResult = { code: number | null; stdout: string; stderr: string };

/** Runs a command to completion and collects its output; never throws on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";

    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();

    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;

      probe.close(() => resolve(port));
    });
  });
}

export type ServerProcess = { name: string; baseUrl: string; child: ChildProcess; logPath: string };

/** Starts Node in its own process group, so teardown can end it and anything it spawned. */
export function startDetached(
  name: string,
  baseUrl: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logPath: string },
): ServerProcess {
  const log = fs.openSync(options.logPath, "w");
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", log, log],
  });

  fs.closeSync(log);

  return { name, baseUrl, child, logPath: options.logPath };
}

function tail(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-30).join("\n") : "";
}

/** Polls the health route until the server answers, failing fast if the process dies. */
export async function waitUntilReady(server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`Server "${server.name}" exited during start:\n${tail(server.logPath)}`);
    }

    const isUp = await fetch(`${server.baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);

    if (isUp) {
      return;
    }

    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  throw new Error(
    `Server "${server.name}" not ready after ${timeoutMs} ms:\n${tail(server.logPath)}`,
  );
}

/** Ends the server's whole process group. */
export async function stopServer(server: ServerProcess): Promise<void> {
  const pid = server.child.pid;

  if (pid === undefined || server.child.exitCode !== null || server.child.signalCode !== null) {
    return;
  }

  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") {
        throw error;
      }
    }
  };

  killGroup("SIGTERM");

  const forced = setTimeout(() => killGroup("SIGKILL"), 5000);

  await exited;
  clearTimeout(forced);
  killGroup("SIGKILL");
}
