import { COUNSELING_ENTRY } from "@/lib/counseling/entry-points";
import type { ArticleCtaTarget } from "@/lib/articles/markdown";
import { softClass } from "@/components/ui/styles";

const CTAS: Record<ArticleCtaTarget, { href: string; label: string; detail: string }> = {
  counseling: {
    href: COUNSELING_ENTRY.us.href,
    label: "Start couples counseling",
    detail: "Start with your partner, or alone and invite them later. The first session is free.",
  },
  progress: {
    href: "/progress",
    label: "Track your healing",
    detail: "A private daily check-in built on these five steps.",
  },
};

/** Placed with `::cta{to="…"}`: a call to action that stays on our own site. */
export function ArticleCta({ to }: { to: ArticleCtaTarget }) {
  const cta = CTAS[to];
  return (
    <p className="not-prose my-8 flex flex-col items-start gap-3 sm:flex-row sm:items-center sm:gap-5 print:hidden">
      <a
        href={cta.href}
        className="inline-flex min-h-11 items-center rounded-full bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-800"
      >
        {cta.label}
      </a>
      <span className={`text-sm ${softClass}`}>{cta.detail}</span>
    </p>
  );
}
