import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

import { databaseProvider } from "./db-url";
import { env } from "./env";

const KEY_PREFIX = "keyward_failures";

export type RateLimitStore = "memory" | "postgres" | "redis";

/** Several instances must share counters, so PostgreSQL deployments default to the database. */
export function rateLimitStore(): RateLimitStore {
  return env().RATE_LIMIT_STORE ?? (databaseProvider() === "postgresql" ? "postgres" : "memory");
}

async function createLimiter(): Promise<RateLimiterAbstract> {
  const options = {
    keyPrefix: KEY_PREFIX,
    points: env().RATE_LIMIT_FAILURES,
    duration: env().RATE_LIMIT_WINDOW_SECONDS,
  };
  const store = rateLimitStore();

  if (store === "redis") {
    const { Redis } = await import("ioredis");
    const client = new Redis(env().REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });

    await new Promise<void>((resolve, reject) => {
      client.once("ready", resolve);
      client.once("error", reject);
    });

    return new RateLimiterRedis({ ...options, storeClient: client });
  }

  if (store === "postgres") {
    const { pgPool } = await import("./pg-pool");

    return new Promise((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        { ...options, storeClient: pgPool(), tableName: KEY_PREFIX, clearExpiredByTimeout: true },
        (error?: Error) => (error ? reject(error) : resolve(limiter)),
      );
    });
  }

  return new RateLimiterMemory(options);
}

let limiter: Promise<RateLimiterAbstract> | undefined;

/** Connects the failure counters' store at start, so a bad setting stops the server at once. */
export function failureLimiter(): Promise<RateLimiterAbstract> {
  limiter ??= createLimiter().catch((error: unknown) => {
    limiter = undefined;
    throw error;
  });

  return limiter;
}

function limiterKey(clientAddress: string | null): string {
  return clientAddress ?? "unknown";
}

/** Seconds until the caller may try again, or null while it is under the failure budget. */
export async function retryAfterSeconds(clientAddress: string | null): Promise<number | null> {
  const failures = await failureLimiter();
  const state = await failures.get(limiterKey(clientAddress));

  if (!state || state.consumedPoints < failures.points) {
    return null;
  }

  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

export async function recordFailure(clientAddress: string | null): Promise<void> {
  await (await failureLimiter()).penalty(limiterKey(clientAddress), 1);
}
