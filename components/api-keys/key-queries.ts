import { queryOptions } from "@tanstack/react-query";

import { fetchJson } from "./fetch-json";
import type { KeyActivity } from "@/lib/api-keys/activity";

import type { KeyListResponse } from "./types";

export const keyQueries = {
  all: () => ["keys"] as const,
  list: () =>
    queryOptions({
      queryKey: [...keyQueries.all(), "list"] as const,
      queryFn: async () => (await fetchJson<KeyListResponse>("/api/keys")).keys,
    }),
  activity: (keyId: string) =>
    queryOptions({
      queryKey: [...keyQueries.all(), "activity", keyId] as const,
      queryFn: () => fetchJson<KeyActivity>(`/api/keys/${encodeURIComponent(keyId)}/activity`),
    }),
};
