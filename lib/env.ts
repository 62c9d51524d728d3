import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

import { DEFAULT_DATABASE_URL } from "./db-url";
import { parseAllowlistEntry } from "./ip-allowlist";

const positiveInt = z.coerce.number().int().positive();

const ANY_ADDRESS = new Set(["0.0.0.0/0", "::/0"]);

function commaList(value: string): string[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Every entry must parse: one typo would make the proxy's own address every caller's. */
const trustedProxiesSchema = z
  .string()
  .default("")
  .superRefine((value, context) => {
    const entries = commaList(value);
    const invalid = entries.filter((entry) => parseAllowlistEntry(entry) === null);
    const everyone = entries.filter((entry) => ANY_ADDRESS.has(entry));

    if (invalid.length > 0) {
      context.addIssue({
        code: "custom",
        message: `not an IP address or CIDR range: ${invalid.join(", ")}`,
      });
    }

    if (everyone.length > 0) {
      context.addIssue({
        code: "custom",
        message: `${everyone.join(", ")} would let any caller choose its own address`,
      });
    }
  });

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql://")
    .default(DEFAULT_DATABASE_URL),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  NEXTAUTH_URL: httpUrl.optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  // Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is
  // believed. Empty: the TCP peer is the caller, whatever headers it sends.
  TRUSTED_PROXIES: trustedProxiesSchema,
  REFRESH_TOKEN_TTL_DAYS: positiveInt.max(365).default(30),
  // Failed public-API attempts allowed per client address within the window, then 429.
  RATE_LIMIT_FAILURES: positiveInt.default(30),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60),
  // Failed portal sign-ins allowed per email and per client address within the window; past
  // either, sign-in is refused without checking the password until the window ends.
  SIGN_IN_FAILURES_PER_EMAIL: positiveInt.default(5),
  SIGN_IN_FAILURES_PER_ADDRESS: positiveInt.default(30),
  SIGN_IN_WINDOW_SECONDS: positiveInt.default(900),
  // Audit rows older than this are deleted only by `npm run audit:prune`, never by the server.
  AUDIT_RETENTION_DAYS: positiveInt.max(36_500).default(400),
  // SQLite only: authorize lookups kept in memory, dropped whenever anything else writes to the
  // database file. 0 turns the cache off.
  VERIFY_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  // PostgreSQL only: connections per instance, a per-statement time limit, and TLS.
  DATABASE_POOL_MAX: positiveInt.max(1000).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt.default(5000),
  DATABASE_SSL: z.enum(["disable", "require", "verify-full"]).default("disable"),
  DATABASE_SSL_CA: z.string().optional(),
  // Where failed-attempt counters live: "memory" suits one instance; several instances share
  // "postgres" (the default on PostgreSQL) or "redis" (with REDIS_URL).
  RATE_LIMIT_STORE: z.enum(["memory", "postgres", "redis"]).optional(),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
    .default("redis://127.0.0.1:6379"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Reads and validates the environment once; throws a readable error naming each bad variable. */
export function env(): Env {
  if (cached) {
    return cached;
  }

  // An empty value (`PORT=` in an env file) means unset, as it does for most tools.
  const given = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = envSchema.safeParse(given);

  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );

    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }

  cached = parsed.data;

  return cached;
}

let secret: string | undefined;

/** The session-signing secret: required in production, generated and kept locally otherwise. */
export function authSecret(): string {
  secret ??= resolveAuthSecret(env());

  return secret;
}

function resolveAuthSecret(values: Env): string {
  if (values.NEXTAUTH_SECRET) {
    return values.NEXTAUTH_SECRET;
  }

  if (values.NODE_ENV === "production") {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Production needs a secret of at least 32 characters " +
        "(for example: openssl rand -base64 32), or run `npm run setup` to write one to .env.",
    );
  }

  return localDevelopmentSecret();
}

function localDevelopmentSecret(): string {
  const file = path.join(process.cwd(), ".keyward", "auth-secret");

  if (fs.existsSync(file)) {
    return fs.readFileSync(file, "utf8").trim();
  }

  const secret = randomBytes(32).toString("base64url");

  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });

  return secret;
}

export function trustedProxies(): string[] {
  return commaList(env().TRUSTED_PROXIES);
}
