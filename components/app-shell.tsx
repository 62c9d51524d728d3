import Link from "next/link";
import type { ReactNode } from "react";

import { SignOutButton } from "./sign-out-button";

type ShellUser = { email: string; role: "merchant" | "support" };

type NavSection = { title: string; links: { href: string; label: string }[] };

const NAV: Record<ShellUser["role"], NavSection[]> = {
  merchant: [
    {
      title: "Account Security",
      links: [{ href: "/account-security/api-secret-key", label: "API Secret Key" }],
    },
  ],
  support: [
    {
      title: "Support",
      links: [
        { href: "/support", label: "Merchants" },
        { href: "/support/audit", label: "Audit log" },
        { href: "/support/explain", label: "Explain a rejection" },
      ],
    },
  ],
};

type AppShellProps = {
  user: ShellUser;
  currentPath: string;
  breadcrumb: string[];
  children: ReactNode;
};

export function AppShell({ user, currentPath, breadcrumb, children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
            <span
              aria-hidden
              className="grid size-7 place-items-center rounded-md bg-indigo-600 text-sm text-white"
            >
              K
            </span>
            Keyward
          </Link>
          <div className="flex min-w-0 items-center gap-3">
            <span className="hidden truncate text-sm text-slate-600 sm:inline" title={user.email}>
              {user.email}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col lg:flex-row">
        <SideNav sections={NAV[user.role]} currentPath={currentPath} email={user.email} />
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:py-8">
          <Breadcrumb items={breadcrumb} />
          {children}
        </main>
      </div>
    </div>
  );
}

type SideNavProps = { sections: NavSection[]; currentPath: string; email: string };

function SideNav({ sections, currentPath, email }: SideNavProps) {
  return (
    <nav
      aria-label="Main"
      className="border-b border-slate-200 px-4 py-3 sm:px-6 lg:w-60 lg:shrink-0 lg:border-r lg:border-b-0 lg:py-8"
    >
      <p className="mb-2 truncate text-xs text-slate-600 sm:hidden">{email}</p>
      {sections.map((section) => (
        <div key={section.title} className="flex flex-wrap items-center gap-2 lg:block">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {section.title}
          </p>
          <ul className="flex gap-1 lg:mt-2 lg:flex-col">
            {section.links.map((link) => {
              const current = link.href === currentPath;
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={current ? "page" : undefined}
                    className={`block rounded-md px-3 py-1.5 text-sm font-medium ${
                      current
                        ? "bg-indigo-50 text-indigo-700"
                        : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                    }`}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function Breadcrumb({ items }: { items: string[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2">
      <ol className="flex flex-wrap items-center gap-1.5 text-sm text-slate-600">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li
              key={item}
              aria-current={last ? "page" : undefined}
              className={`flex items-center gap-1.5 ${last ? "font-medium text-slate-900" : ""}`}
            >
              {index > 0 ? (
                <span aria-hidden className="text-slate-400">
                  &gt;
                </span>
              ) : null}
              {item}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
