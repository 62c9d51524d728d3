"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

import { Button } from "./ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);

  return (
    <Button
      size="sm"
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/sign-in" }).catch(() => setPending(false));
      }}
    >
      Sign out
    </Button>
  );
}
