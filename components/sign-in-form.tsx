"use client";

import { useQueryClient } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

import { SIGN_IN_THROTTLED, SIGN_IN_UNAVAILABLE } from "@/lib/auth/sign-in-error";

import { Button } from "./ui/button";

function signInErrorMessage(code: string | null | undefined): string {
  if (code === SIGN_IN_THROTTLED) {
    return "Too many failed sign-in attempts. Wait a few minutes, then try again.";
  }

  if (code === SIGN_IN_UNAVAILABLE) {
    return "Keyward could not check your sign-in just now. Try again shortly.";
  }

  return "Wrong email or password";
}

const INPUT_CLASS =
  "mt-1.5 block h-10 w-full rounded-md border border-slate-300 px-3 text-sm shadow-sm focus:border-indigo-600 focus:ring-2 focus:ring-indigo-600/20 focus:outline-none";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error || !result.ok) {
        setError(signInErrorMessage(result?.error));
        setPending(false);
        return;
      }
      queryClient.clear();
      router.replace(callbackUrl || "/");
    } catch {
      setError("Could not reach Keyward. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="mt-6 space-y-4"
      aria-describedby={error ? errorId : undefined}
    >
      <div>
        <label htmlFor={emailId} className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          className={INPUT_CLASS}
        />
      </div>
      <div>
        <label htmlFor={passwordId} className="block text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          className={INPUT_CLASS}
        />
      </div>
      {error ? (
        <p
          id={errorId}
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      ) : null}
      <Button
        type="submit"
        variant="primary"
        className="w-full"
        disabled={pending}
        aria-busy={pending}
      >
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
