import type { Metadata } from "next";

import { AppShell } from "@/components/app-shell";
import { MerchantSearch } from "@/components/support/merchant-search";
import { requirePageUser, type SearchParams } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Merchants" };

type PageProps = { searchParams: Promise<SearchParams> };

export default async function SupportPage({ searchParams }: PageProps) {
  const user = await requirePageUser(["support"], { path: "/support", searchParams });

  return (
    <AppShell user={user} currentPath="/support" breadcrumb={["Support", "Merchants"]}>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Merchants</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        Find a merchant to see its keys and token families. Support sees metadata only: no secret or
        token is ever shown here.
      </p>
      <div className="mt-6">
        <MerchantSearch />
      </div>
    </AppShell>
  );
}
