import type { Metadata } from "next";

import { AppShell } from "@/components/app-shell";
import { ExplainRequest } from "@/components/support/explain-request";
import { requirePageUser, type SearchParams } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Explain a rejection" };

type PageProps = { searchParams: Promise<SearchParams> };

export default async function ExplainPage({ searchParams }: PageProps) {
  const user = await requirePageUser(["support"], { path: "/support/explain", searchParams });
  const requestId = (await searchParams).request_id;

  return (
    <AppShell
      user={user}
      currentPath="/support/explain"
      breadcrumb={["Support", "Explain a rejection"]}
    >
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Explain a rejection</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        Paste the request ID an integrator received to see what Keyward decided and exactly why.
      </p>
      <div className="mt-6">
        <ExplainRequest initialRequestId={typeof requestId === "string" ? requestId : ""} />
      </div>
    </AppShell>
  );
}
