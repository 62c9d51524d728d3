import { getServerSession } from "next-auth";
import { cookies } from "next/headers";

import { db } from "../db";
import { AppError } from "../errors";
import { authOptions } from "./options";
import type { Role, SessionUser } from "./roles";

type SessionClaims = { userId?: string; sessionVersion?: number };

/**
 * The cookie alone is not trusted for long: every request re-reads the user, so disabling a
 * user or changing a password (which bumps sessionVersion) ends existing sessions at once.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions())) as SessionClaims | null;
  const userId = session?.userId;

  if (!session || !userId) {
    await failIfDatabaseDown();

    return null;
  }

  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      merchantId: true,
      disabled: true,
      sessionVersion: true,
    },
  });

  if (!user || user.disabled || user.sessionVersion !== session.sessionVersion) {
    return null;
  }

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    merchantId: user.merchantId,
  };
}

/**
 * next-auth reads a cookie it could not check against the database (ended sessions) as no
 * session at all. When a session cookie came, make sure the database answers, so an outage is a
 * server error and not "sign in again".
 */
async function failIfDatabaseDown(): Promise<void> {
  const names = (await cookies()).getAll().map((cookie) => cookie.name);

  if (names.some((name) => name.includes("next-auth.session-token"))) {
    await db.$queryRawUnsafe("SELECT 1");
  }
}

export async function requireUser(roles: readonly Role[]): Promise<SessionUser> {
  const user = await getSessionUser();

  if (!user) {
    throw new AppError("unauthorized", "Sign in to continue.");
  }

  if (!roles.includes(user.role)) {
    throw new AppError("forbidden", "Your role does not allow this action.");
  }

  return user;
}
