import { HotlineLink } from "@/components/hotline-link";
import { QuickExit } from "@/components/quick-exit";
import { HOTLINE } from "@/lib/safety";

/**
 * Shown when a screen answer was "yes" or "not sure": couples counseling is not
 * the recommended next step, and here is what is. Kind, plain, no judgement.
 */
export function SafetyResources({
  individualHref,
  forMe = false,
}: {
  individualHref?: string;
  /** The person asked for counseling for themselves: the text never turns to couples. */
  forMe?: boolean;
}) {
  return (
    <section
      aria-labelledby="safety-heading"
      className="mt-8 rounded-lg border-l-4 border-brand-700 bg-brand-50 px-5 py-4 text-neutral-900 dark:border-brand-100 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <h2 id="safety-heading" className="text-xl font-semibold">
        Thank you for answering. Your safety comes first.
      </h2>
      {forMe ? (
        <p className="mt-3">
          From what you told us, your safety comes before anything else. When someone is afraid of a
          partner or former partner, or has been hurt, threatened or controlled by them, people
          trained for exactly this can help you plan what comes next. This is not a judgement of
          you, and nothing about your answers is sent to anyone.
        </p>
      ) : (
        <p className="mt-3">
          From what you told us, couples counseling is not the right first step. When someone is
          afraid of their partner, or has been hurt, threatened or controlled by them, counselors
          and the National Domestic Violence Hotline advise against joint sessions: what is said in
          the room can lead to harm at home. This is not a judgement of you, and nothing about your
          answers is sent to your partner.
        </p>
      )}
      <p className="mt-3">
        You can talk to someone today. Call the {HOTLINE.name} at{" "}
        <HotlineLink className="font-semibold underline underline-offset-4" />, free and
        confidential, any time of day or night.
      </p>
      {individualHref ? (
        <p className="mt-3">
          You can {forMe ? "go on and" : "also"} ask us for{" "}
          <a className="font-semibold underline underline-offset-4" href={individualHref}>
            individual counseling
          </a>
          , just for you. Your first session is free, and no invitation is ever sent to anyone.
        </p>
      ) : (
        <p className="mt-3">
          Individual counseling, just for you, is a good next step; your first session is free.
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <QuickExit />
        <span className="text-sm">Or press Escape twice to leave this site at once.</span>
      </div>
    </section>
  );
}

/** A quiet note on every counseling page, whatever anyone answered. */
export function SupportNote() {
  return (
    <aside className="mt-12 rounded-lg bg-neutral-100 p-4 text-sm text-neutral-800 dark:bg-neutral-900 dark:text-neutral-200">
      If you ever feel unsafe with your partner, the {HOTLINE.name} is there for you at{" "}
      <HotlineLink className="font-semibold underline underline-offset-4" />. Quick exit at the top
      of every page leaves this site at once.
    </aside>
  );
}
