import { toResult, type HttpResult } from "./http";
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
};

class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
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
  };
}

/** A client with no session cookie at all. */
export function anonymousClient(baseUrl: string): PortalClient {
  return clientFor(baseUrl, null);
}

/** Signs in through next-auth's credentials flow over HTTP, as a browser would. */
export async function signIn(baseUrl: string, user: Credentials): Promise<PortalClient> {
  const jar = new CookieJar();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);

  jar.store(csrfResponse);

  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({
      csrfToken,
      email: user.email,
      password: user.password,
      json: "true",
    }),
  });

  jar.store(response);

  if (!jar.has("next-auth.session-token")) {
    throw new Error(
      `Sign-in failed for ${user.email}: ${response.status} ${await response.text()}`,
    );
  }

  return clientFor(baseUrl, jar);
}
