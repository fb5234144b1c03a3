import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Track your healing", robots: { index: false } };

export default async function ProgressPage() {
  await connection(); // per-request page: the tracker will be private and dynamic
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold">Track your healing</h1>
      <p className="mt-4 text-neutral-700 dark:text-neutral-300">
        Your private healing tracker is coming soon.
      </p>
    </div>
  );
}
