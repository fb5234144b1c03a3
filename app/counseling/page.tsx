import type { Metadata } from "next";
import { HOTLINE } from "@/lib/safety";

// A placeholder so the article's calls to action never 404; the couples
// counseling referral flow replaces this page.
export const metadata: Metadata = { title: "Start couples counseling", robots: { index: false } };

export default function CounselingPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold">Start couples counseling</h1>
      <p className="mt-4 text-neutral-700 dark:text-neutral-300">
        Couples counseling on Heartwork is coming soon. You will be able to start with your partner,
        or start alone and invite them later by email. The first session is free.
      </p>
      <p className="mt-4 text-neutral-700 dark:text-neutral-300">
        If you are afraid of your partner, couples counseling is not the right first step. Call the{" "}
        {HOTLINE.name} at{" "}
        <a className="font-semibold underline underline-offset-4" href={HOTLINE.tel}>
          {HOTLINE.display}
        </a>
        , free and confidential, any time.
      </p>
    </div>
  );
}
