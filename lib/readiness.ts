import { db } from "./db";
import { logger } from "./logger";
import { failureLimiter } from "./rate-limit";

export type Check = () => Promise<unknown>;

export type Readiness = { ok: true } | { ok: false; failing: string[] };

const CHECK_TIMEOUT_MS = 3000;

function withinTime(check: Check, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });

  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

/** What an instance needs to answer calls: the database, and the store of failure counters. */
export const READINESS_CHECKS: Record<string, Check> = {
  database: () => db.$queryRawUnsafe("SELECT 1"),
  failure_counters: async () => (await failureLimiter()).get("readiness-probe"),
};

/** Runs every check at once; names the ones that failed or took longer than `ms`. */
export async function checkReadiness(
  checks: Record<string, Check> = READINESS_CHECKS,
  ms = CHECK_TIMEOUT_MS,
): Promise<Readiness> {
  const names = Object.keys(checks);
  const results = await Promise.allSettled(
    names.map((name) => withinTime(checks[name] as Check, ms)),
  );
  const failing = names.filter((name, index) => {
    const result = results[index];

    if (result?.status === "rejected") {
      logger.warn({ check: name, err: result.reason as unknown }, "readiness check failed");

      return true;
    }

    return false;
  });

  return failing.length === 0 ? { ok: true } : { ok: false, failing };
}
