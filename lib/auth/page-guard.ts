import { forbidden, redirect } from "next/navigation";

import { getSessionUser } from "./session";
import type { Role, SessionUser } from "./roles";

export type SearchParams = Record<string, string | string[] | undefined>;

/** A page as the guard sees it: its path, and the query it was opened with. */
export type GuardedPage = { path: string; searchParams: Promise<SearchParams> };

function pageUrl(path: string, searchParams: SearchParams): string {
  const query = new URLSearchParams();

  for (const [name, value] of Object.entries(searchParams)) {
    for (const item of [value ?? []].flat()) {
      query.append(name, item);
    }
  }

  const search = query.toString();

  return search ? `${path}?${search}` : path;
}

/**
 * The guard of every page, called by the page itself: no session goes to sign-in, which sends
 * the user back to the same path and query; a session of the wrong role gets 403. Middleware is
 * never relied on, so a page cannot be left unguarded.
 */
export async function requirePageUser(
  roles: readonly Role[],
  page: GuardedPage,
): Promise<SessionUser> {
  const user = await getSessionUser();

  if (!user) {
    const callbackUrl = pageUrl(page.path, await page.searchParams);

    redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }

  if (!roles.includes(user.role)) {
    forbidden();
  }

  return user;
}
