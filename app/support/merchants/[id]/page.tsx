import type { Metadata } from "next";

import { AppShell } from "@/components/app-shell";
import { MerchantDetailView } from "@/components/support/merchant-detail";
import { requirePageUser, type SearchParams } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Merchant" };

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function MerchantPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const user = await requirePageUser(["support"], {
    path: `/support/merchants/${encodeURIComponent(id)}`,
    searchParams,
  });

  return (
    <AppShell user={user} currentPath="/support" breadcrumb={["Support", "Merchants", "Merchant"]}>
      <MerchantDetailView merchantId={id} />
    </AppShell>
  );
}
