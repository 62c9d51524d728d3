import { env } from "./env";
import { addressKey, createLimiter, lazyLimiter } from "./rate-limit-store";

/** Connects the failure counters' store at start, so a bad setting stops the server at once. */
export const failureLimiter = lazyLimiter(() =>
  createLimiter({
    keyPrefix: "keyward_failures",
    points: env().RATE_LIMIT_FAILURES,
    duration: env().RATE_LIMIT_WINDOW_SECONDS,
  }),
);

/** Seconds until the caller may try again, or null while it is under the failure budget. */
export async function retryAfterSeconds(clientAddress: string | null): Promise<number | null> {
  const failures = await failureLimiter();
  const state = await failures.get(addressKey(clientAddress));

  if (!state || state.consumedPoints < failures.points) {
    return null;
  }

  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

export async function recordFailure(clientAddress: string | null): Promise<void> {
  await (await failureLimiter()).penalty(addressKey(clientAddress), 1);
}
