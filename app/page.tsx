import Link from "next/link";

export default function HomePage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
        A calm place for a broken heart
      </h1>
      <p className="mt-4 text-lg text-neutral-700 dark:text-neutral-300">
        Read about why you miss them so much, track your healing privately, and start couples
        counseling when you are both ready.
      </p>
      <p className="mt-8">
        <Link
          className="font-medium text-brand-700 underline underline-offset-4 dark:text-brand-100"
          href="/articles/why-do-i-miss-him"
        >
          Read: Why Do I Miss Him So Much? How To Manage A Broken Heart
        </Link>
      </p>
    </div>
  );
}
