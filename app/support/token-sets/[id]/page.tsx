import type { Metadata } from "next";

import { AppShell } from "@/components/app-shell";
import { TokenSetAuditView } from "@/components/support/token-set-audit";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Token family" };

type PageProps = { params: Promise<{ id: string }> };

export default async function TokenSetPage({ params }: PageProps) {
  const { id } = await params;
  const user = await requirePageUser(["support"], `/support/token-sets/${id}`);

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
