import type { Metadata } from "next";

import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { AppShell } from "@/components/app-shell";
import { requirePageUser, type SearchParams } from "@/lib/auth/page-guard";

const PATH = "/account-security/api-secret-key";

export const metadata: Metadata = { title: "API Secret Key" };

type PageProps = { searchParams: Promise<SearchParams> };

export default async function ApiSecretKeyPage({ searchParams }: PageProps) {
  const user = await requirePageUser(["merchant"], { path: PATH, searchParams });

  return (
    <AppShell user={user} currentPath={PATH} breadcrumb={["Account Security", "API Secret Key"]}>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">API Secret Key</h1>
      <p className="mt-2 max-w-3xl text-sm leading-relaxed text-slate-600">
        Your API secret key authenticates your server&apos;s calls to the payment API. Keep it on
        your server, restrict it to the addresses your server calls from, and turn on Enhance
        Security to require a short-lived access token with every call.
      </p>
      <div className="mt-6">
        <ApiKeysPanel />
      </div>
    </AppShell>
  );
}
