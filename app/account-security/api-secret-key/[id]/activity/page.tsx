import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { KeyActivityView } from "@/components/api-keys/key-activity";
import { AppShell } from "@/components/app-shell";
import { isOwnKey } from "@/lib/api-keys/activity";
import { merchantIdOf } from "@/lib/auth/merchant";
import { requirePageUser, type SearchParams } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Key activity" };

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function KeyActivityPage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const user = await requirePageUser(["merchant"], {
    path: `/account-security/api-secret-key/${encodeURIComponent(id)}/activity`,
    searchParams,
  });

  if (!(await isOwnKey(merchantIdOf(user), id))) {
    notFound();
  }

  return (
    <AppShell
      user={user}
      currentPath="/account-security/api-secret-key"
      breadcrumb={["Account Security", "API Secret Key", "Activity"]}
    >
      <KeyActivityView keyId={id} />
    </AppShell>
  );
}
