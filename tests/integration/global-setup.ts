import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import pg from "pg";
import type { TestProject } from "vitest/node";

import type {
  Credentials,
  DatabaseProvider,
  IntegrationEnvironment,
  SharedLimitStore,
} from "./helpers/environment";
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

type TestDatabase = { provider: DatabaseProvider; url: string; drop: () => Promise<void> };

const SHARED_LIMIT_STORES: SharedLimitStore[] = ["postgres", "redis"];

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

async function runOrThrow(what: string, command: string[], env: NodeJS.ProcessEnv) {
  const [program = "", ...args] = command;
  const result = await run(program, args, { cwd: root, env });

  if (result.code !== 0) {
    throw new Error(`${what} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
}

async function createUser(
  env: NodeJS.ProcessEnv,
  user: Credentials & { role: "merchant" | "support"; merchant?: string; join?: boolean },
): Promise<void> {
  const args = [
    "npx",
    "tsx",
    "scripts/create-user.ts",
    "--email",
    user.email,
    "--name",
    user.email,
  ];

  args.push("--role", user.role, `--password=${user.password}`);

  if (user.merchant) {
    args.push("--merchant", user.merchant);
  }

  if (user.join) {
    args.push("--join");
  }

  await runOrThrow(`Creating ${user.email}`, args, env);
}

function testDatabaseProvider(): DatabaseProvider {
  const requested = process.env.KEYWARD_TEST_DATABASE ?? "sqlite";

  if (requested !== "sqlite" && requested !== "postgres") {
    throw new Error(`KEYWARD_TEST_DATABASE must be "sqlite" or "postgres", not "${requested}".`);
  }

  return requested === "postgres" ? "postgresql" : "sqlite";
}

function createSqliteDatabase(tmpDir: string, runId: string): TestDatabase {
  const databasePath = path.join(tmpDir, `it-${runId}.db`);

  return {
    provider: "sqlite",
    url: `file:${databasePath}`,
    drop: async () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) {
        fs.rmSync(`${databasePath}${suffix}`, { force: true });
      }
    },
  };
}

/** A fresh database per run on the server KEYWARD_PG_ADMIN_URL names (its admin database). */
async function createPostgresDatabase(runId: string): Promise<TestDatabase> {
  const adminUrl =
    process.env.KEYWARD_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `keyward_it_${runId}`;
  const url = new URL(adminUrl);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });

    await client.connect();

    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  await admin(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;

  return {
    provider: "postgresql",
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

function migrate(database: TestDatabase, env: NodeJS.ProcessEnv): Promise<void> {
  return database.provider === "postgresql"
    ? runOrThrow("npm run db:migrate", ["npm", "run", "db:migrate"], env)
    : runOrThrow(
        "Prisma migrate deploy",
        ["npx", "node", "scripts/prisma.mjs", "migrate", "deploy"],
        env,
      );
}

/** On PostgreSQL, a pair of instances per shared failure-counter store. */
function sharedLimitSpecs(provider: DatabaseProvider): ServerSpec[] {
  if (provider !== "postgresql") {
    return [];
  }

  return SHARED_LIMIT_STORES.flatMap((store) =>
    ["a", "b"].map((instance) => ({
      name: `limit-${store}-${instance}`,
      env: {
        KEYWARD_PUBLIC_API_TRANSPORT: "node",
        RATE_LIMIT_FAILURES: "3",
        RATE_LIMIT_STORE: store,
      },
    })),
  );
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertBuilt();
  warnIfStale();

  const runId = randomBytes(6).toString("hex");
  const tmpDir = path.join(root, ".tmp");
  const provider = testDatabaseProvider();

  fs.mkdirSync(tmpDir, { recursive: true });

  const database =
    provider === "postgresql"
      ? await createPostgresDatabase(runId)
      : createSqliteDatabase(tmpDir, runId);
  // Vitest sets NODE_ENV=test; the scripts and servers run as they would in production.
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
  };
  const servers: ServerProcess[] = [];
  const password = () => randomBytes(18).toString("base64url");
  const users = {
    merchantA: { email: `merchant-a-${runId}@example.test`, password: password() },
    merchantB: { email: `merchant-b-${runId}@example.test`, password: password() },
    support: { email: `support-${runId}@example.test`, password: password() },
    disposable: { email: `disposable-${runId}@example.test`, password: password() },
    throttled: { email: `throttled-${runId}@example.test`, password: password() },
  };

  const teardown = async () => {
    await Promise.all(servers.map((server) => stopServer(server)));
    await database.drop();

    if (process.env.KEYWARD_IT_KEEP_LOGS !== "1") {
      servers.forEach((server) => fs.rmSync(server.logPath, { force: true }));
    }
  };

  try {
    await migrate(database, baseEnv);
    await createUser(baseEnv, { ...users.merchantA, role: "merchant", merchant: MERCHANT_A });
    await createUser(baseEnv, { ...users.merchantB, role: "merchant", merchant: "Merchant B" });
    await createUser(baseEnv, { ...users.support, role: "support" });
    await createUser(baseEnv, {
      ...users.disposable,
      role: "merchant",
      merchant: MERCHANT_A,
      join: true,
    });
    await createUser(baseEnv, {
      ...users.throttled,
      role: "merchant",
      merchant: MERCHANT_A,
      join: true,
    });

    const specs: ServerSpec[] = [
      { name: "node", env: { KEYWARD_PUBLIC_API_TRANSPORT: "node" } },
      { name: "next", env: { KEYWARD_PUBLIC_API_TRANSPORT: "next" } },
      {
        name: "rate-limited",
        env: {
          KEYWARD_PUBLIC_API_TRANSPORT: "node",
          RATE_LIMIT_FAILURES: "3",
          SIGN_IN_FAILURES_PER_EMAIL: "3",
          SIGN_IN_FAILURES_PER_ADDRESS: "10",
        },
      },
      ...sharedLimitSpecs(provider),
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
            SIGN_IN_FAILURES_PER_EMAIL: "100000",
            SIGN_IN_FAILURES_PER_ADDRESS: "100000",
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
  const sharedLimitUrls = (store: SharedLimitStore) =>
    servers
      .filter((server) => server.name.startsWith(`limit-${store}-`))
      .map((server) => server.baseUrl);
  const integration: IntegrationEnvironment = {
    servers: {
      node: node ?? "",
      next: next ?? "",
      rateLimited: rateLimited ?? "",
      sharedLimit: { postgres: sharedLimitUrls("postgres"), redis: sharedLimitUrls("redis") },
    },
    database: { provider: database.provider, url: database.url },
    users,
    merchantAName: MERCHANT_A,
  };

  project.provide("integration", integration);

  return teardown;
}
