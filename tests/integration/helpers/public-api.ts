import { toResult, type HttpResult } from "./http";

export type ClientCredentials = { apiKey: string; clientId: string; clientSecret: string };

type RawRequest = { method?: string; headers?: Record<string, string>; body?: string };

/** Thin calls to the public API, shaped like the guide: credentials in headers and JSON body. */
export function publicApi(baseUrl: string) {
  const raw = async (path: string, request: RawRequest = {}): Promise<HttpResult> =>
    toResult(
      await fetch(`${baseUrl}${path}`, {
        method: request.method ?? "POST",
        headers: request.headers,
        body: request.body,
      }),
    );

  return {
    raw,
    authorize: (credentials: ClientCredentials, accessToken: string, headers = {}) =>
      raw("/api/authorize", {
        headers: {
          "content-type": "application/json",
          "x-api-key": credentials.apiKey,
          "access-token": accessToken,
          ...headers,
        },
        body: JSON.stringify({
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
        }),
      }),
    refresh: (credentials: ClientCredentials, refreshToken: string) =>
      raw("/api/refresh", {
        headers: { "content-type": "application/json", "x-api-key": credentials.apiKey },
        body: JSON.stringify({
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          refresh_token: refreshToken,
        }),
      }),
    account: (apiKey: string, accessToken?: string) =>
      raw("/api/v1/account", {
        method: "GET",
        headers: { "x-api-key": apiKey, ...(accessToken ? { "access-token": accessToken } : {}) },
      }),
  };
}

export type PublicApi = ReturnType<typeof publicApi>;
