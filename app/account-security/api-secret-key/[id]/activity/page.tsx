import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { KeyActivityView } from "@/components/api-keys/key-activity";
import { AppShell } from "@/components/app-shell";
import { isOwnKey } from "@/lib/api-keys/activity";
import { merchantIdOf } from "@/lib/auth/merchant";
import { requirePageUser } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Key activity" };

type PageProps = { params: Promise<{ id: string }> };

export default async function KeyActivityPage({ params }: PageProps) {
  const { id } = await params;
  const user = await requirePageUser(
    ["merchant"],
    `/account-security/api-secret-key/${id}/activity`,
  );

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
