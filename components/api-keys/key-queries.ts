import { queryOptions } from "@tanstack/react-query";

import { fetchJson } from "./fetch-json";
import type { KeyListResponse } from "./types";

export const keyQueries = {
  all: () => ["keys"] as const,
  list: () =>
    queryOptions({
      queryKey: [...keyQueries.all(), "list"] as const,
      queryFn: async () => (await fetchJson<KeyListResponse>("/api/keys")).keys,
    }),
};
