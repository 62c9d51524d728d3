import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { Redis } from "ioredis";

import { databaseProvider } from "./db-url";
import { env } from "./env";
import { logger } from "./logger";

/** Every limiter keeps its counters in this PostgreSQL table, apart by key prefix. */
const POSTGRES_TABLE = "keyward_failures";

export type RateLimitStore = "memory" | "postgres" | "redis";

export type LimiterOptions = { keyPrefix: string; points: number; duration: number };

/** Several instances must share counters, so PostgreSQL deployments default to the database. */
export function rateLimitStore(): RateLimitStore {
  return env().RATE_LIMIT_STORE ?? (databaseProvider() === "postgresql" ? "postgres" : "memory");
}

/** Memoizes an async creation, and forgets a failed one so that the next call tries again. */
function retryingOnce<T>(create: () => Promise<T>): () => Promise<T> {
  let created: Promise<T> | undefined;

  return () => {
    created ??= create().catch((error: unknown) => {
      created = undefined;
      throw error;
    });

    return created;
  };
}

async function connectRedis(): Promise<Redis> {
  const { Redis } = await import("ioredis");
  const client = new Redis(env().REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });

  try {
    await new Promise<void>((resolve, reject) => {
      client.once("ready", resolve);
      client.once("error", reject);
    });
  } catch (error) {
    client.disconnect();
    throw new Error(`Cannot reach Redis at REDIS_URL (${(error as Error).message}).`);
  }

  // ioredis keeps reconnecting after an outage; say so once each way, not at every retry.
  let isDown = false;

  client.on("error", (error: Error) => {
    if (!isDown) {
      isDown = true;
      logger.error({ err: error }, "Redis unreachable: failure counters cannot be read");
    }
  });
  client.on("ready", () => {
    if (isDown) {
      isDown = false;
      logger.info("Redis reachable again");
    }
  });

  return client;
}

/** One Redis connection for every limiter. */
const sharedRedis = retryingOnce(connectRedis);

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

/** A limiter created on first use and then reused; see retryingOnce. */
export function lazyLimiter(
  create: () => Promise<RateLimiterAbstract>,
): () => Promise<RateLimiterAbstract> {
  return retryingOnce(create);
}

/** Counters of a caller's address; callers with no known address share one. */
export function addressKey(clientAddress: string | null): string {
  return clientAddress ?? "unknown";
}
