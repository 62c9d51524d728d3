import { inject } from "vitest";

export type Credentials = { email: string; password: string };

export type Transport = "node" | "next";

export type DatabaseProvider = "sqlite" | "postgresql";

/** Where the failure counters of a pair of instances live. */
export type SharedLimitStore = "postgres" | "redis";

/** What global setup hands to the test files: plain data only, it crosses a process boundary. */
export type IntegrationEnvironment = {
  servers: {
    node: string;
    next: string;
    /**
     * Started with RATE_LIMIT_FAILURES=3, SIGN_IN_FAILURES_PER_EMAIL=3 and
     * SIGN_IN_FAILURES_PER_ADDRESS=10; the others allow 100 000 of each.
     */
    rateLimited: string;
    /**
     * PostgreSQL runs only: two instances per store, started with RATE_LIMIT_FAILURES=3, whose
     * failure counters are shared through that store. Empty on SQLite.
     */
    sharedLimit: Record<SharedLimitStore, string[]>;
  };
  database: { provider: DatabaseProvider; url: string };
  users: {
    merchantA: Credentials;
    merchantB: Credentials;
    support: Credentials;
    /** A second user of merchant A that session tests may sign out, disable or re-enable. */
    disposable: Credentials;
    /** A user of merchant A whose failed sign-ins only the sign-in throttling tests make. */
    throttled: Credentials;
  };
  merchantAName: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    integration: IntegrationEnvironment;
  }
}

export function environment(): IntegrationEnvironment {
  return inject("integration");
}

/** The two ways the custom server can answer the public API; every public-API test runs on both. */
export function transports(): { transport: Transport; baseUrl: string }[] {
  const { servers } = environment();

  return [
    { transport: "node", baseUrl: servers.node },
    { transport: "next", baseUrl: servers.next },
  ];
}
