import fs from "node:fs";

import {
  credentialsOf,
  expiredAccessToken,
  sampleLayout,
  wrongSecret,
  type Credentials,
} from "./credentials";
import type { RefreshCall } from "./pool";

export type BenchRequest = {
  name: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  expected: { status: number; error?: string };
};

function authorize(
  name: string,
  credentials: Credentials,
  override: Partial<Credentials>,
  expected: BenchRequest["expected"],
): BenchRequest {
  const sent = { ...credentials, ...override };

  return {
    name,
    path: "/api/authorize",
    headers: { "x-api-key": sent.apiKey, "access-token": sent.accessToken },
    body: JSON.stringify({ client_id: sent.clientId, client_secret: sent.clientSecret }),
    expected,
  };
}

export function validAuthorize(keyCount: number, sample: number): BenchRequest {
  const credentials = credentialsOf(sampleLayout(keyCount).validIndex(sample));

  return authorize("valid", credentials, {}, { status: 200 });
}

/** The five refusals of the invalid mix, each built on a real key of the sample. */
export function invalidAuthorizes(keyCount: number, sample: number): BenchRequest[] {
  const layout = sampleLayout(keyCount);
  const credentials = credentialsOf(layout.validIndex(sample));
  const other = credentialsOf(layout.validIndex((sample + 1) % layout.size));

  return [
    authorize("wrong key", credentials, { apiKey: other.apiKey }, invalidClient),
    authorize("wrong token", credentials, { accessToken: other.accessToken }, invalidToken),
    authorize("wrong secret", credentials, { clientSecret: wrongSecret(sample) }, invalidClient),
    authorize(
      "expired token",
      credentials,
      { accessToken: expiredAccessToken(sample) },
      { status: 401, error: "token_expired" },
    ),
    authorize(
      "blocked address",
      credentialsOf(layout.blockedIndex(sample)),
      {},
      { status: 403, error: "ip_not_allowed" },
    ),
  ];
}

const invalidClient = { status: 401, error: "invalid_client" };
const invalidToken = { status: 401, error: "invalid_token" };

export function refreshRequest(call: RefreshCall): BenchRequest {
  return {
    name: "refresh",
    path: "/api/refresh",
    headers: { "x-api-key": call.apiKey },
    body: JSON.stringify({
      client_id: call.clientId,
      client_secret: call.clientSecret,
      refresh_token: call.refreshToken,
    }),
    expected: { status: 200 },
  };
}

export function validMix(keyCount: number): BenchRequest[] {
  return Array.from({ length: sampleLayout(keyCount).size }, (_, s) => validAuthorize(keyCount, s));
}

/** Wrong key, wrong token, wrong secret, expired token and blocked address in equal shares. */
export function invalidMix(keyCount: number): BenchRequest[] {
  return Array.from(
    { length: sampleLayout(keyCount).size },
    (_, s) => invalidAuthorizes(keyCount, s)[s % 5] as BenchRequest,
  );
}

/** One refresh after every 50 authorizes. */
export function refreshMix(keyCount: number, refreshes: BenchRequest[]): BenchRequest[] {
  const authorizes = validMix(keyCount);

  return refreshes.flatMap((refresh, r) => [
    ...Array.from(
      { length: 50 },
      (_, a) => authorizes[(r * 50 + a) % authorizes.length] as BenchRequest,
    ),
    refresh,
  ]);
}

export const onPath = (requests: BenchRequest[], path: string) =>
  requests.map((request) => ({ ...request, path }));

/** One request a line, tab-separated: path, body, then header names and values. */
export function writeRequestFile(file: string, requests: BenchRequest[]): void {
  const lines = requests.map((request) =>
    [request.path, request.body, ...Object.entries(request.headers).flat()].join("\t"),
  );

  fs.writeFileSync(file, `${lines.join("\n")}\n`);
}
