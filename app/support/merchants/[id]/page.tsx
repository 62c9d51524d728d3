import type { Metadata } from "next";

import { AppShell } from "@/components/app-shell";
import { MerchantDetailView } from "@/components/support/merchant-detail";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Merchant" };

type PageProps = { params: Promise<{ id: string }> };

export default async function MerchantPage({ params }: PageProps) {
  const { id } = await params;
  const user = await requirePageUser(["support"], `/support/merchants/${id}`);

  return (
    <AppShell user={user} currentPath="/support" breadcrumb={["Support", "Merchants", "Merchant"]}>
      <MerchantDetailView merchantId={id} />
    </AppShell>
  );
}
