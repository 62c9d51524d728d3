import { redirect } from "next/navigation";

import { getSessionUser } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await getSessionUser();

  if (!user) {
    redirect("/sign-in");
  }

  redirect(user.role === "support" ? "/support" : "/account-security/api-secret-key");
}
