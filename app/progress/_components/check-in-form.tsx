"use client";

import type { ReactNode } from "react";
import { recordCheckIn, type CheckInState } from "@/lib/actions/check-ins";
import { ActionForm } from "@/components/forms/action-form";
import { ChoiceCards } from "@/components/forms/choice-cards";
import { useField } from "@/components/forms/form-context";
import { TextareaField } from "@/components/forms/textarea-field";
import { mutedClass } from "@/components/ui/styles";
import { CheckInReflection } from "@/app/progress/_components/check-in-reflection";
import { moodColor } from "@/lib/tracker/mood-colors";
import {
  CONTACT_KINDS,
  CONTACT_LABELS,
  isSlip,
  MISSING_MAX,
  MISSING_MIN,
  MOODS,
  type ContactKind,
} from "@/lib/tracker/scales";
import { NOTE_MAX, TRIGGER_MAX } from "@/lib/tracker/limits";

export type CheckInDefaults = {
  mood: number;
  missing: number;
  contact: ContactKind;
  note: string | null;
  trigger: string | null;
} | null;

const moodChoices = MOODS.map((mood) => ({
  value: String(mood.value),
  label: (
    <>
      <span aria-hidden="true" className={`size-6 rounded-full ${moodColor(mood.value)}`} />
      {mood.word}
      <span className="sr-only"> ({mood.value} of 5)</span>
    </>
  ),
}));

const missingChoices = Array.from(
  { length: MISSING_MAX - MISSING_MIN + 1 },
  (_, i) => MISSING_MIN + i,
).map((n) => ({
  value: String(n),
  label: (
    <>
      {n}
      {n === MISSING_MIN && <span className="sr-only"> (not at all)</span>}
      {n === MISSING_MAX && <span className="sr-only"> (all the time)</span>}
    </>
  ),
}));

/** Short enough for five in one row on a 320 px phone; the full words are still the label. */
const CONTACT_SHORT: Partial<Record<ContactKind, string>> = {
  CHECKED_SOCIAL: "Checked socials",
};

const contactChoices = CONTACT_KINDS.map((kind) => ({
  value: kind,
  label: CONTACT_SHORT[kind] ? (
    <>
      {/* The short words are drawn by CSS, so the label's own text is the full one
          (what screen readers say and what the label is matched by). */}
      <span
        aria-hidden="true"
        data-short={CONTACT_SHORT[kind]}
        className="before:content-[attr(data-short)]"
      />
      <span className="sr-only">{CONTACT_LABELS[kind]}</span>
    </>
  ) : (
    CONTACT_LABELS[kind]
  ),
  data: isSlip(kind) ? { "data-slip": "" } : undefined,
}));

/**
 * The check-in of one day in three taps: mood, how much you miss them,
 * contact. The note waits behind "Add a note" (a <details>, so it opens
 * without JavaScript). Once saved, the form gives way to a short reflection on
 * the answers and, on the overview, to the day's summary (`summary`); it stays
 * mounted, so "Saved." is said above them.
 */
export function CheckInForm({
  day,
  dayLabel,
  defaults,
  summary,
}: {
  day: string;
  /** "today" or the long date, for the legends. */
  dayLabel: string;
  defaults: CheckInDefaults;
  summary?: ReactNode;
}) {
  const onDay = dayLabel === "today" ? "today" : `on ${dayLabel}`;
  return (
    <ActionForm
      action={recordCheckIn}
      hidden={{ day }}
      submitLabel="Save check-in"
      className="group mt-4 space-y-5"
      replacedBy={(state: CheckInState) =>
        state.status === "saved" && state.answers ? (
          <>
            <CheckInReflection answers={state.answers} />
            {summary}
          </>
        ) : (
          summary
        )
      }
    >
      {[
        {
          name: "mood",
          legend: `How are you feeling ${onDay}?`,
          choices: moodChoices,
          chosen: defaults?.mood,
          list: "grid-cols-5 gap-1.5",
          card: "min-h-20 px-0.5 py-2 text-xs sm:text-sm",
        },
        {
          name: "missing",
          legend: `How much do you miss them ${onDay}?`,
          hint: "0 is not at all, 10 is all the time. Any number is okay.",
          choices: missingChoices,
          chosen: defaults?.missing,
          // One row of eleven, even at 320 px.
          list: "grid-cols-11 gap-0.5 sm:gap-1",
          card: "min-h-11 text-sm",
        },
        {
          name: "contact",
          legend: `Were you in contact ${onDay}?`,
          choices: contactChoices,
          chosen: defaults?.contact,
          list: "grid-cols-5 gap-1 sm:gap-1.5",
          card: "min-h-14 px-0.5 py-1.5 text-[0.6875rem] min-[360px]:text-xs sm:text-sm",
        },
      ].map((question) => (
        <ChoiceCards
          key={question.name}
          legend={question.legend}
          legendClassName="text-base font-semibold"
          hint={question.hint}
          name={question.name}
          choices={question.choices}
          defaultValue={question.chosen === undefined ? undefined : String(question.chosen)}
          listClassName={question.list}
          cardClassName={question.card}
        />
      ))}
      {/* Only asked when the chosen contact was the person's own; shown without JavaScript by :has(). */}
      <div className="hidden group-has-[input[data-slip]:checked]:block">
        <TextareaField
          label="What led to it?"
          optional
          name="trigger"
          hint="Noticing what led to contact can help next time. It is not a mark against you."
          maxChars={TRIGGER_MAX}
          defaultValue={defaults?.trigger ?? ""}
        />
      </div>
      <NoteDisclosure hasNote={Boolean(defaults?.note)}>
        <TextareaField
          label="A private note"
          optional
          name="note"
          hint="Only you can read it. It is encrypted before it is stored."
          rows={4}
          maxChars={NOTE_MAX}
          defaultValue={defaults?.note ?? ""}
        />
      </NoteDisclosure>
    </ActionForm>
  );
}

/** "Add a note", open from the start when there is a note, or one was refused. */
function NoteDisclosure({ hasNote, children }: { hasNote: boolean; children: ReactNode }) {
  const field = useField("note");
  const open = hasNote || Boolean(field.errors?.length) || field.text() !== "";
  return (
    <details open={open} className="group/note">
      <summary className={`cursor-pointer font-medium underline-offset-4 hover:underline`}>
        {hasNote ? "Your note" : "Add a note"}{" "}
        <span className={`font-normal ${mutedClass}`}>(optional, private)</span>
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
