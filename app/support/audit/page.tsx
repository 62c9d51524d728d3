import type { Metadata } from "next";

import { AppShell } from "@/components/app-shell";
import { AuditLogView } from "@/components/support/audit-log-view";
import { requirePageUser, type SearchParams } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Audit log" };

type PageProps = { searchParams: Promise<SearchParams> };

export default async function AuditPage({ searchParams }: PageProps) {
  const user = await requirePageUser(["support"], { path: "/support/audit", searchParams });
  const entries = Object.entries(await searchParams).flatMap(([name, value]) =>
    typeof value === "string" ? [[name, value]] : [],
  );

  return (
    <AppShell user={user} currentPath="/support/audit" breadcrumb={["Support", "Audit log"]}>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Audit log</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        Every key, token, sign-in and API outcome, append-only. Filter, page through, or export the
        filtered rows as CSV.
      </p>
      <div className="mt-6">
        <AuditLogView initialQuery={new URLSearchParams(entries).toString()} />
      </div>
    </AppShell>
  );
}
