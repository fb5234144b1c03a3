import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { removeTextPauseDraft } from "@/lib/actions/text-pauses";
import { listReachOuts } from "@/lib/data/reach-outs";
import { getJustEndedTextPause, getOpenTextPause, listKeptDrafts } from "@/lib/data/text-pauses";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { PAUSE_ENDINGS } from "@/lib/tracker/pause";
import { BreathingGuide } from "@/app/progress/_components/breathing-guide";
import { RowActionButton } from "@/app/progress/_components/row-action-button";
import { Section } from "@/app/progress/_components/section";
import { TextPauseEndForm } from "@/app/progress/_components/text-pause-end-form";
import { TextPauseStartForm } from "@/app/progress/_components/text-pause-start-form";
import { cardClass, linkClass, mutedClass, ownTextClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Before you text them", robots: { index: false } };

// The pause for the moment the article is about: write it here instead, name
// what set it off, breathe for a minute, then choose. A plain page: every step
// is a form, so it works without JavaScript.
export default async function TextPausePage() {
  const user = await requireUser();
  const [open, ended, drafts, reachOuts, { timeZone }] = await Promise.all([
    getOpenTextPause({ userId: user.id }),
    getJustEndedTextPause({ userId: user.id }),
    listKeptDrafts({ userId: user.id }),
    listReachOuts({ userId: user.id }),
    getTrackerSettings({ userId: user.id }),
  ]);
  const people = [...new Set(reachOuts.map((entry) => entry.who))].slice(0, 5);

  return (
    <div>
      <h1 className="text-3xl font-bold">Before you text them</h1>
      {open ? (
        <>
          <p className="mt-2">Your message is saved here, and only here.</p>
          {open.draft && <p className={`${cardClass} ${ownTextClass}`}>{open.draft}</p>}
          <Section id="breathe" title="Take a minute">
            <BreathingGuide />
          </Section>
          <Section id="choose" title="Then choose">
            <TextPauseEndForm id={open.id} people={people} />
          </Section>
        </>
      ) : (
        <>
          {ended?.outcome && (
            <div className={cardClass} role="status">
              <p>{PAUSE_ENDINGS[ended.outcome]}</p>
              <p className="mt-2">
                {ended.outcome === "REACHED_OUT" && (
                  <Link className={linkClass} href="/progress/people">
                    Log it with your people
                  </Link>
                )}
                {ended.outcome === "SLIPPED" && (
                  <Link className={linkClass} href="/progress/check-in">
                    Note it in today&apos;s check-in
                  </Link>
                )}
                {ended.outcome === "KEPT_DRAFT" && (
                  <Link className={linkClass} href="#drafts">
                    Your kept messages
                  </Link>
                )}
              </p>
            </div>
          )}
          <p className="mt-2">
            The urge to reach out is strong, and it passes. Write the message here instead: it is
            never sent. Then take a minute before you decide anything.
          </p>
          <TextPauseStartForm requestKey={randomUUID()} />
        </>
      )}

      {drafts.length > 0 && (
        <Section id="drafts" title="Messages you kept">
          <p className={`mt-2 ${mutedClass}`}>Only you can read these. None was sent.</p>
          <ul className="mt-3 divide-y divide-neutral-200 dark:divide-neutral-800">
            {drafts.map((draft) => (
              <li key={draft.id} className="py-3">
                <p className={`text-sm ${mutedClass}`}>
                  {formatDateTimeIn(draft.createdAt, timeZone)}
                </p>
                <p className={ownTextClass}>{draft.draft}</p>
                {draft.trigger && (
                  <p className={`text-sm ${mutedClass}`}>Set off by: {draft.trigger}</p>
                )}
                <RowActionButton
                  action={removeTextPauseDraft}
                  id={draft.id}
                  label={`Delete the message from ${formatDateTimeIn(draft.createdAt, timeZone)}`}
                />
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
