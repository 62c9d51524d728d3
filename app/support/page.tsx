import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { AppShell } from "@/components/app-shell";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Support" };

export default async function SupportPage() {
  const user = await getSessionUser();

  if (!user) {
    redirect("/sign-in?callbackUrl=/support");
  }
  if (user.role !== "support") {
    redirect("/");
  }

  return (
    <AppShell user={user} currentPath="/support" breadcrumb={["Support"]}>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Support</h1>
      <div className="mt-6 max-w-2xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p className="text-sm text-slate-700">
          Support screens (merchant list, token audit) are coming.
        </p>
      </div>
    </AppShell>
  );
}
