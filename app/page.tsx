import { COUNSELING_ENTRY } from "@/lib/counseling/entry-points";
import type { Metadata } from "next";
import { getArticle } from "@/lib/articles";
import { siteUrl } from "@/lib/site";
import { mutedClass, softClass } from "@/components/ui/styles";

export const dynamic = "error"; // the home page is prerendered; no request-time work

const FEATURED_SLUG = "why-do-i-miss-him";

export const metadata: Metadata = {
  alternates: { canonical: `${siteUrl()}/` },
  openGraph: { type: "website", url: `${siteUrl()}/`, siteName: "Heartwork" },
  twitter: { card: "summary_large_image" },
};

export default function HomePage() {
  const article = getArticle(FEATURED_SLUG);
  if (!article)
    throw new Error(`The featured article content/articles/${FEATURED_SLUG}.md is missing`);

  return (
    <div className="mx-auto max-w-3xl px-4 py-12 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">
        A calm place for a broken heart
      </h1>
      <p className={`mt-4 text-lg ${softClass}`}>
        Read about why you miss them so much, track your healing privately, and start couples
        counseling when you are both ready.
      </p>

      <section
        aria-labelledby="featured-title"
        className="mt-10 rounded-2xl border border-neutral-200 p-6 sm:p-8 dark:border-neutral-800"
      >
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase dark:text-brand-100">
          Start here
        </p>
        <h2 id="featured-title" className="mt-2 text-2xl font-bold tracking-tight text-balance">
          <a
            className="underline decoration-1 underline-offset-4 hover:decoration-2"
            href={article.path}
          >
            {article.title}
          </a>
        </h2>
        <p className={`mt-3 ${softClass}`}>{article.description}</p>
        <p className={`mt-3 text-sm ${mutedClass}`}>{article.readingMinutes} min read</p>
        <h3 className="mt-6 font-semibold">Five steps through the healing process</h3>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-neutral-700 marker:font-semibold dark:text-neutral-300">
          {article.headings
            .filter((heading) => heading.depth === 3)
            .map((heading) => (
              <li key={heading.id}>
                <a
                  className="underline-offset-4 hover:underline"
                  href={`${article.path}#${heading.id}`}
                >
                  {heading.text}
                </a>
              </li>
            ))}
        </ol>
      </section>

      <div className="mt-10 grid gap-4 sm:grid-cols-2">
        <a
          href="/progress"
          className="rounded-2xl border border-neutral-200 p-6 hover:border-brand-700 dark:border-neutral-800 dark:hover:border-brand-100"
        >
          <span className="block font-semibold">Track your healing</span>
          <span className={`mt-1 block text-sm ${softClass}`}>
            A private daily check-in built on the five steps.
          </span>
        </a>
        <a
          href={COUNSELING_ENTRY.us.href}
          className="rounded-2xl border border-neutral-200 p-6 hover:border-brand-700 dark:border-neutral-800 dark:hover:border-brand-100"
        >
          <span className="block font-semibold">Start couples counseling</span>
          <span className={`mt-1 block text-sm ${softClass}`}>
            Start alone or with your partner; the first session is free.
          </span>
        </a>
      </div>
    </div>
  );
}
