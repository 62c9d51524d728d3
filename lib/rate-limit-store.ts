import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { Redis } from "ioredis";

import { databaseProvider } from "./db-url";
import { env } from "./env";

/** Every limiter keeps its counters in this PostgreSQL table, apart by key prefix. */
const POSTGRES_TABLE = "keyward_failures";

export type RateLimitStore = "memory" | "postgres" | "redis";

export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

/** Several instances must share counters, so PostgreSQL deployments default to the database. */
export function rateLimitStore(): RateLimitStore {
  return env().RATE_LIMIT_STORE ?? (databaseProvider() === "postgresql" ? "postgres" : "memory");
}

async function connectRedis(): Promise<Redis> {
  const { Redis } = await import("ioredis");
  const client = new Redis(env().REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });

  await new Promise<void>((resolve, reject) => {
    client.once("ready", resolve);
    client.once("error", reject);
  });

  return client;
}

let redis: Promise<Redis> | undefined;

function sharedRedis(): Promise<Redis> {
  redis ??= connectRedis().catch((error: unknown) => {
    redis = undefined;
    throw error;
  });

  return redis;
}

/** A limiter in the store RATE_LIMIT_STORE selects; its first use connects that store. */
export async function createLimiter(options: LimiterOptions): Promise<RateLimiterAbstract> {
  const store = rateLimitStore();

  if (store === "redis") {
    return new RateLimiterRedis({ ...options, storeClient: await sharedRedis() });
  }

  if (store === "postgres") {
    const { pgPool } = await import("./pg-pool");

    return new Promise((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        {
          ...options,
          storeClient: pgPool(),
          tableName: POSTGRES_TABLE,
          clearExpiredByTimeout: true,
        },
        (error?: Error) => (error ? reject(error) : resolve(limiter)),
      );
    });
  }

  return new RateLimiterMemory(options);
}

/** Memoizes a limiter's creation, and forgets a failed one so the next call tries again. */
export function lazyLimiter(create: () => Promise<RateLimiterAbstract>) {
  let limiter: Promise<RateLimiterAbstract> | undefined;

  return (): Promise<RateLimiterAbstract> => {
    limiter ??= create().catch((error: unknown) => {
      limiter = undefined;
      throw error;
    });

    return limiter;
  };
}
