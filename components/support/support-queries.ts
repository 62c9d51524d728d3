import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";

import { fetchJson } from "@/components/api-keys/fetch-json";
import type { AuditEventView, AuditPage } from "@/lib/support/audit-log";
import type { MerchantDetail, MerchantList } from "@/lib/support/merchants";
import type { TokenSetAudit } from "@/lib/support/token-sets";

const path = (id: string) => encodeURIComponent(id);

export const supportQueries = {
  all: () => ["support"] as const,
  merchants: (q: string) =>
    queryOptions({
      queryKey: [...supportQueries.all(), "merchants", q] as const,
      queryFn: () =>
        fetchJson<MerchantList>(`/api/support/merchants?${new URLSearchParams({ q })}`),
    }),
  merchant: (id: string) =>
    queryOptions({
      queryKey: [...supportQueries.all(), "merchant", id] as const,
      queryFn: () => fetchJson<MerchantDetail>(`/api/support/merchants/${path(id)}`),
    }),
  tokenSet: (id: string) =>
    queryOptions({
      queryKey: [...supportQueries.all(), "token-set", id] as const,
      queryFn: () => fetchJson<TokenSetAudit>(`/api/support/token-sets/${path(id)}`),
    }),
  audit: (filter: string) =>
    infiniteQueryOptions({
      queryKey: [...supportQueries.all(), "audit", filter] as const,
      initialPageParam: "",
      queryFn: ({ pageParam }) => {
        const params = new URLSearchParams(filter);

        if (pageParam) {
          params.set("cursor", pageParam);
        }

        return fetchJson<AuditPage>(`/api/support/audit?${params}`);
      },
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  request: (requestId: string) =>
    queryOptions({
      queryKey: [...supportQueries.all(), "request", requestId] as const,
      queryFn: async () =>
        (await fetchJson<{ events: AuditEventView[] }>(`/api/support/requests/${path(requestId)}`))
          .events,
      enabled: requestId !== "",
    }),
};
