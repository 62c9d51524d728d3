import { forbidden, redirect } from "next/navigation";

import { getSessionUser } from "./session";
import type { Role, SessionUser } from "./roles";

/**
 * The guard of every page, called by the page itself: no session goes to sign-in, a session of
 * the wrong role gets 403. Middleware is never relied on, so a page cannot be left unguarded.
 */
export async function requirePageUser(roles: readonly Role[], path: string): Promise<SessionUser> {
  const user = await getSessionUser();

  if (!user) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }

  if (!roles.includes(user.role)) {
    forbidden();
  }

  return user;
}
