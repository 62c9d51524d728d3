import { createHash } from "node:crypto";

import { RateLimiterRes } from "rate-limiter-flexible";

import { env } from "../env";
import { addressKey, createLimiter, lazyLimiter } from "../rate-limit-store";

const emailLimiter = lazyLimiter(() =>
  createLimiter({
    keyPrefix: "keyward_sign_in_email",
    points: env().SIGN_IN_FAILURES_PER_EMAIL,
    duration: env().SIGN_IN_WINDOW_SECONDS,
  }),
);

const addressLimiter = lazyLimiter(() =>
  createLimiter({
    keyPrefix: "keyward_sign_in_address",
    points: env().SIGN_IN_FAILURES_PER_ADDRESS,
    duration: env().SIGN_IN_WINDOW_SECONDS,
  }),
);

export type SignInAttempt = { email: string; clientAddress: string | null };

export type ThrottleLimit = "email" | "address";

/** Counters are keyed by a hash, so the store never holds the email addresses people typed. */
function emailKey(attempt: SignInAttempt): string {
  return createHash("sha256").update(attempt.email).digest("base64url");
}

/** Connects the counters' store at start, so a bad setting stops the server at once. */
export async function connectSignInThrottle(): Promise<void> {
  await Promise.all([emailLimiter(), addressLimiter()]);
}

async function isWithinBudget(consumed: Promise<unknown>): Promise<boolean> {
  try {
    await consumed;

    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      return false;
    }

    throw error;
  }
}

/**
 * Counts the attempt as a failure before the password is checked, so that concurrent guesses
 * cannot all pass a check made before any of them was counted; a success gives it back. Returns
 * the limits the attempt is over, empty when it may go on to the password check.
 */
export async function countSignInAttempt(attempt: SignInAttempt): Promise<ThrottleLimit[]> {
  const [byEmail, byAddress] = await Promise.all([emailLimiter(), addressLimiter()]);
  const [isEmailWithin, isAddressWithin] = await Promise.all([
    isWithinBudget(byEmail.consume(emailKey(attempt))),
    isWithinBudget(byAddress.consume(addressKey(attempt.clientAddress))),
  ]);
  const exceeded: ThrottleLimit[] = [];

  if (!isEmailWithin) {
    exceeded.push("email");
  }

  if (!isAddressWithin) {
    exceeded.push("address");
  }

  return exceeded;
}

/** After a successful sign-in: the email's failures are forgotten, the address's attempt returned. */
export async function clearSignInFailures(attempt: SignInAttempt): Promise<void> {
  const [byEmail, byAddress] = await Promise.all([emailLimiter(), addressLimiter()]);

  await Promise.all([
    byEmail.delete(emailKey(attempt)),
    byAddress.reward(addressKey(attempt.clientAddress), 1),
  ]);
}
