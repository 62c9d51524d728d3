import { inject } from "vitest";

export type Credentials = { email: string; password: string };

export type Transport = "node" | "next";

/** What global setup hands to the test files: plain data only, it crosses a process boundary. */
export type IntegrationEnvironment = {
  servers: { node: string; next: string; rateLimited: string };
  databasePath: string;
  users: {
    merchantA: Credentials;
    merchantB: Credentials;
    support: Credentials;
    /** A second user of merchant A that session tests may sign out, disable or re-enable. */
    disposable: Credentials;
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
