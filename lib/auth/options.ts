import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";

import { auditRow, type AuditOutcome } from "../audit";
import { db } from "../db";
import { authSecret } from "../env";
import { headerReader, requestClientAddress, type HeaderReader } from "../http/request-client";
import { logger } from "../logger";
import { endSession, isSessionEnded, SESSION_MAX_AGE_SECONDS } from "./ended-sessions";
import { verifyPasswordOrDummy } from "./password";
import type { Role } from "./roles";
import { SIGN_IN_THROTTLED, SIGN_IN_UNAVAILABLE } from "./sign-in-error";
import { clearSignInFailures, countSignInAttempt, type SignInAttempt } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

type Attempt = SignInAttempt & { requestId: string; userAgent: string | null };

type SignInUser = { id: string; disabled: boolean; merchantId: string | null } | null;

function auditSignIn(
  attempt: Attempt,
  user: SignInUser,
  entry: { outcome: AuditOutcome; reason: string | null; detail: string | null },
) {
  return db.auditEvent.create({
    data: auditRow(
      { type: "auth.sign_in", ...entry, merchantId: user?.merchantId },
      {
        requestId: attempt.requestId,
        clientAddress: attempt.clientAddress,
        userAgent: attempt.userAgent,
        actorUserId: user?.id,
      },
    ),
  });
}

async function signIn(raw: unknown, header: HeaderReader) {
  const parsed = credentialsSchema.safeParse(raw);

  if (!parsed.success) {
    return null;
  }

  const attempt: Attempt = {
    email: parsed.data.email,
    clientAddress: requestClientAddress(header),
    requestId: crypto.randomUUID(),
    userAgent: header("user-agent"),
  };
  const exceeded = await countSignInAttempt(attempt);
  const user = await db.user.findUnique({ where: { email: attempt.email } });

  if (exceeded.length > 0) {
    const detail = `over the ${exceeded.join(" and ")} limit`;

    await auditSignIn(attempt, user, { outcome: "denied", reason: "sign_in_throttled", detail });

    throw new Error(SIGN_IN_THROTTLED);
  }

  const isValid = await verifyPasswordOrDummy(user?.passwordHash ?? null, parsed.data.password);
  const isAllowed = isValid && user !== null && !user.disabled;

  await auditSignIn(attempt, user, {
    outcome: isAllowed ? "success" : "denied",
    reason: isAllowed ? null : "invalid_credentials",
    detail: user?.disabled ? "user disabled" : null,
  });

  if (!isAllowed || !user) {
    return null;
  }

  await clearSignInFailures(attempt);

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    merchantId: user.merchantId,
    sessionVersion: user.sessionVersion,
  };
}

/** next-auth puts a thrown error's message in the redirect URL: only known codes may reach it. */
async function authorize(raw: unknown, header: HeaderReader) {
  try {
    return await signIn(raw, header);
  } catch (error) {
    if (error instanceof Error && error.message === SIGN_IN_THROTTLED) {
      throw error;
    }

    logger.error({ err: error }, "sign-in failure");
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
}

/** The sign-out's audit row: who, from where, and the request that ended the session. */
async function signOutAudit(userId: string | undefined, header: HeaderReader) {
  const user = userId
    ? await db.user.findUnique({ where: { id: userId }, select: { merchantId: true } })
    : null;

  return auditRow(
    { type: "auth.sign_out", outcome: "success", merchantId: user?.merchantId },
    {
      requestId: crypto.randomUUID(),
      clientAddress: requestClientAddress(header),
      userAgent: header("user-agent"),
      actorUserId: userId,
    },
  );
}

/** `request` gives the sign-out audit row its address; next-auth passes none to events. */
export function authOptions(request?: Request): NextAuthOptions {
  const header: HeaderReader = (name) => request?.headers.get(name) ?? null;

  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials, request) => authorize(credentials, headerReader(request?.headers)),
      }),
    ],
    events: {
      async signOut({ token }) {
        if (typeof token?.sessionId === "string") {
          await endSession(token.sessionId, await signOutAudit(token.sub, header));
        }
      },
    },
    logger: {
      error: (code, metadata) =>
        logger.warn(
          { code, message: metadata instanceof Error ? metadata.message : undefined },
          "next-auth error",
        ),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => undefined,
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as { role: Role; sessionVersion: number };

          token.role = signedIn.role;
          token.sessionVersion = signedIn.sessionVersion;
          token.sessionId = crypto.randomUUID();

          return token;
        }

        // Runs on every read and renewal of the cookie: throwing makes next-auth treat the
        // request as signed out and clear the cookie, so a signed-out copy is never renewed.
        if (typeof token.sessionId !== "string" || (await isSessionEnded(token.sessionId))) {
          throw new Error("session ended");
        }

        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          userId: token.sub,
          role: token.role,
          sessionVersion: token.sessionVersion,
        };
      },
    },
  };
}
