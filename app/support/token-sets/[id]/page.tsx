import type { Metadata } from "next";

import { AppShell } from "@/components/app-shell";
import { TokenSetAuditView } from "@/components/support/token-set-audit";
import { requirePageUser, type SearchParams } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Token family" };

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function TokenSetPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const user = await requirePageUser(["support"], {
    path: `/support/token-sets/${encodeURIComponent(id)}`,
    searchParams,
  });

  return (
    <AppShell
      user={user}
      currentPath="/support"
      breadcrumb={["Support", "Merchants", "Token family"]}
    >
      <TokenSetAuditView tokenSetId={id} />
    </AppShell>
  );
}
