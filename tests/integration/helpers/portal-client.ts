import { requestFrom, toResult, type HttpResult, type RequestInit } from "./http";
import type { Credentials } from "./environment";

export type PortalClient = {
  baseUrl: string;
  /** The session's Cookie header, for requests the helpers cannot make. */
  cookie: () => string;
  get: (path: string) => Promise<HttpResult>;
  send: (
    method: string,
    path: string,
    body?: unknown,
    headers?: HeadersInit,
  ) => Promise<HttpResult>;
  /**
   * Signs out through next-auth's sign-out endpoint, as the Sign out button does, but keeps the
   * session cookie the answer clears: the client then replays it, as a stolen copy would be.
   */
  signOut: () => Promise<HttpResult>;
};

class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const separator = pair.indexOf("=");

      if (separator > 0) {
        this.cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
      }
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

function clientFor(baseUrl: string, jar: CookieJar | null): PortalClient {
  const cookieHeader = (): Record<string, string> => (jar ? { cookie: jar.header() } : {});

  return {
    baseUrl,
    cookie: () => jar?.header() ?? "",
    get: async (path) =>
      toResult(await fetch(`${baseUrl}${path}`, { headers: cookieHeader(), redirect: "manual" })),
    send: async (method, path, body, headers = {}) => {
      const isRaw = typeof body === "string";
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        redirect: "manual",
        headers: {
          ...cookieHeader(),
          origin: baseUrl,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...Object.fromEntries(new Headers(headers)),
        },
        body: body === undefined ? undefined : isRaw ? body : JSON.stringify(body),
      });

      return toResult(response);
    },
    signOut: async () => {
      const csrf = await toResult(
        await fetch(`${baseUrl}/api/auth/csrf`, { headers: cookieHeader() }),
      );
      const response = await fetch(`${baseUrl}/api/auth/signout`, {
        method: "POST",
        redirect: "manual",
        headers: { ...cookieHeader(), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken: String(csrf.json.csrfToken), json: "true" }),
      });

      return toResult(response);
    },
  };
}

/** A client with no session cookie at all. */
export function anonymousClient(baseUrl: string): PortalClient {
  return clientFor(baseUrl, null);
}

export type SignInAttempt = {
  status: number;
  /** next-auth's error code, e.g. CredentialsSignin, or null when it signed in. */
  error: string | null;
  client: PortalClient | null;
};

/**
 * One attempt through next-auth's credentials flow over HTTP, as a browser makes it; from the
 * given local address when one is given, since sign-in failures are counted per address too.
 */
export async function attemptSignIn(
  baseUrl: string,
  user: Credentials,
  localAddress?: string,
): Promise<SignInAttempt> {
  const jar = new CookieJar();
  const send = async (path: string, init: RequestInit) =>
    localAddress
      ? requestFrom(localAddress, `${baseUrl}${path}`, init)
      : toResult(await fetch(`${baseUrl}${path}`, { ...init, redirect: "manual" }));
  const csrf = await send("/api/auth/csrf", { method: "GET" });

  jar.store(csrf.headers);

  const response = await send("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({
      csrfToken: String(csrf.json.csrfToken),
      email: user.email,
      password: user.password,
      json: "true",
    }).toString(),
  });

  jar.store(response.headers);

  const url = typeof response.json.url === "string" ? new URL(response.json.url) : null;
  const client = jar.has("next-auth.session-token") ? clientFor(baseUrl, jar) : null;

  return { status: response.status, error: url?.searchParams.get("error") ?? null, client };
}

/** Signs in, or throws with the answer it got. */
export async function signIn(baseUrl: string, user: Credentials): Promise<PortalClient> {
  const attempt = await attemptSignIn(baseUrl, user);

  if (!attempt.client) {
    throw new Error(`Sign-in failed for ${user.email}: ${attempt.status} ${attempt.error}`);
  }

  return attempt.client;
}
