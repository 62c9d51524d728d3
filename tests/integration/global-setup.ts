import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { TestProject } from "vitest/node";

import type { Credentials, IntegrationEnvironment } from "./helpers/environment";
import {
  freePort,
  run,
  startDetached,
  stopServer,
  waitUntilReady,
  type ServerProcess,
} from "./helpers/processes";

const root = path.resolve(import.meta.dirname, "../..");
const READY_TIMEOUT_MS = 90_000;
const MERCHANT_A = "Merchant A";
/** The same process as `npm start`: one Node process with tsx's loader. */
const SERVER_ARGS = ["--import", "tsx", "server.ts"];

type ServerSpec = { name: string; env: Record<string, string> };

function assertBuilt(): void {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error(
      "No production build found (.next/BUILD_ID is missing). Run `npm run build` first, " +
        "then run the integration tests again.",
    );
  }
}

function newestSourceChange(dir: string): number {
  const entries = fs.readdirSync(dir, { withFileTypes: true, recursive: true });

  return entries
    .filter((entry) => entry.isFile() && !entry.parentPath.includes(`${path.sep}generated`))
    .reduce((newest, entry) => {
      const changedAt = fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs;

      return Math.max(newest, changedAt);
    }, 0);
}

/** A stale build still runs, but tests would then check yesterday's code: say so. */
function warnIfStale(): void {
  const builtAt = fs.statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  const changedAt = Math.max(
    ...["app", "lib", "components", "server.ts"].map((name) => {
      const target = path.join(root, name);

      return fs.statSync(target).isDirectory()
        ? newestSourceChange(target)
        : fs.statSync(target).mtimeMs;
    }),
  );

  if (changedAt > builtAt) {
    console.warn("Integration tests: sources changed after the last `npm run build`; rebuild.");
  }
}

async function runOrThrow(what: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const result = await run("npx", args, { cwd: root, env });

  if (result.code !== 0) {
    throw new Error(`${what} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

async function createUser(
  env: NodeJS.ProcessEnv,
  user: Credentials & { role: "merchant" | "support"; merchant?: string },
): Promise<void> {
  const args = ["tsx", "scripts/create-user.ts", "--email", user.email, "--name", user.email];

  args.push("--role", user.role, `--password=${user.password}`);

  if (user.merchant) {
    args.push("--merchant", user.merchant);
  }

  await runOrThrow(`Creating ${user.email}`, args, env);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertBuilt();
  warnIfStale();

  const runId = randomBytes(6).toString("hex");
  const tmpDir = path.join(root, ".tmp");
  const databasePath = path.join(tmpDir, `it-${runId}.db`);
  const databaseUrl = `file:${databasePath}`;
  // Vitest sets NODE_ENV=test; the scripts and servers run as they would in production.
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
  };
  const servers: ServerProcess[] = [];
  const password = () => randomBytes(18).toString("base64url");
  const users = {
    merchantA: { email: `merchant-a-${runId}@example.test`, password: password() },
    merchantB: { email: `merchant-b-${runId}@example.test`, password: password() },
    support: { email: `support-${runId}@example.test`, password: password() },
    disposable: { email: `disposable-${runId}@example.test`, password: password() },
  };

  fs.mkdirSync(tmpDir, { recursive: true });

  const teardown = async () => {
    await Promise.all(servers.map((server) => stopServer(server)));

    for (const suffix of ["", "-wal", "-shm", "-journal"]) {
      fs.rmSync(`${databasePath}${suffix}`, { force: true });
    }

    if (process.env.KEYWARD_IT_KEEP_LOGS !== "1") {
      servers.forEach((server) => fs.rmSync(server.logPath, { force: true }));
    }
  };

  try {
    await runOrThrow(
      "Prisma migrate deploy",
      ["node", "scripts/prisma.mjs", "migrate", "deploy"],
      baseEnv,
    );
    await createUser(baseEnv, { ...users.merchantA, role: "merchant", merchant: MERCHANT_A });
    await createUser(baseEnv, { ...users.merchantB, role: "merchant", merchant: "Merchant B" });
    await createUser(baseEnv, { ...users.support, role: "support" });
    await createUser(baseEnv, { ...users.disposable, role: "merchant", merchant: MERCHANT_A });

    const specs: ServerSpec[] = [
      { name: "node", env: { KEYWARD_PUBLIC_API_TRANSPORT: "node" } },
      { name: "next", env: { KEYWARD_PUBLIC_API_TRANSPORT: "next" } },
      {
        name: "rate-limited",
        env: { KEYWARD_PUBLIC_API_TRANSPORT: "node", RATE_LIMIT_FAILURES: "3" },
      },
    ];

    for (const spec of specs) {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;

      servers.push(
        startDetached(spec.name, baseUrl, SERVER_ARGS, {
          cwd: root,
          logPath: path.join(tmpDir, `it-${runId}-${spec.name}.log`),
          env: {
            ...baseEnv,
            PORT: String(port),
            HOST: "127.0.0.1",
            NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
            NEXTAUTH_URL: baseUrl,
            LOG_LEVEL: "warn",
            RATE_LIMIT_FAILURES: "100000",
            TRUSTED_PROXIES: "",
            ...spec.env,
          },
        }),
      );
    }

    await Promise.all(servers.map((server) => waitUntilReady(server, READY_TIMEOUT_MS)));
  } catch (error) {
    await teardown();
    throw error;
  }

  const [node, next, rateLimited] = servers.map((server) => server.baseUrl);
  const integration: IntegrationEnvironment = {
    servers: { node: node ?? "", next: next ?? "", rateLimited: rateLimited ?? "" },
    databasePath,
    users,
    merchantAName: MERCHANT_A,
  };

  project.provide("integration", integration);

  return teardown;
}
