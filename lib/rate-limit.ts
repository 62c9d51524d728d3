import { RateLimiterMemory } from "rate-limiter-flexible";

import { env } from "./env";

let failures: RateLimiterMemory | undefined;

function failureLimiter(): RateLimiterMemory {
  failures ??= new RateLimiterMemory({
    keyPrefix: "public-api-failures",
    points: env().RATE_LIMIT_FAILURES,
    duration: env().RATE_LIMIT_WINDOW_SECONDS,
  });

  return failures;
}

function limiterKey(clientAddress: string | null): string {
  return clientAddress ?? "unknown";
}

/** Seconds until the caller may try again, or null while it is under the failure budget. */
export async function retryAfterSeconds(clientAddress: string | null): Promise<number | null> {
  const limiter = failureLimiter();
  const state = await limiter.get(limiterKey(clientAddress));

  if (!state || state.consumedPoints < limiter.points) {
    return null;
  }

  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

export async function recordFailure(clientAddress: string | null): Promise<void> {
  await failureLimiter().penalty(limiterKey(clientAddress), 1);
}
