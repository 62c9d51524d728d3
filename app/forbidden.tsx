import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="max-w-sm rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">Not allowed</h1>
        <p className="mt-2 text-sm text-slate-600">Your role does not give access to this page.</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-indigo-700">
          Go to your start page
        </Link>
      </div>
    </main>
  );
}
