import type { ReactNode } from "react";
import { recordCheckIn } from "@/lib/actions/check-ins";
import { ActionForm } from "@/components/forms/action-form";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextareaField } from "@/components/forms/textarea-field";
import { mutedClass } from "@/components/ui/styles";
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

const choiceClass =
  "flex cursor-pointer items-center gap-2 rounded-md border border-neutral-300 px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 dark:border-neutral-700 dark:has-[:checked]:border-brand-100 dark:has-[:checked]:bg-neutral-900";

const moodChoices = MOODS.map((mood) => ({
  value: String(mood.value),
  label: (
    <>
      {mood.word} <span className={mutedClass}>({mood.value} of 5)</span>
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
const contactChoices = CONTACT_KINDS.map((kind) => ({
  value: kind,
  label: CONTACT_LABELS[kind],
  data: isSlip(kind) ? { "data-slip": "" } : undefined,
}));

/**
 * The check-in of one day. `summary` is what the page shows once the day has
 * a check-in (on the overview): the form gives way to it but stays mounted, so
 * its "Saved. Thank you…" is still said above the summary.
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
      className="group mt-4 space-y-6"
      replacedBy={summary}
    >
      {[
        {
          name: "mood",
          legend: `How are you feeling ${onDay}?`,
          choices: moodChoices,
          chosen: defaults?.mood,
          list: "grid grid-cols-1 gap-2 sm:grid-cols-5",
        },
        {
          name: "missing",
          legend: `How much do you miss them ${onDay}?`,
          hint: "0 means not at all, 10 means all the time. Any number is okay.",
          choices: missingChoices,
          chosen: defaults?.missing,
          list: "flex flex-wrap gap-2",
          choice: "min-w-12 justify-center",
        },
        {
          name: "contact",
          legend: `Were you in contact ${onDay}?`,
          choices: contactChoices,
          chosen: defaults?.contact,
          list: "grid grid-cols-1 gap-2 sm:grid-cols-2",
        },
      ].map((question) => (
        <RadioGroup
          key={question.name}
          legend={question.legend}
          legendClassName="text-base font-semibold"
          hint={question.hint}
          name={question.name}
          choices={question.choices}
          defaultValue={question.chosen === undefined ? undefined : String(question.chosen)}
          listClassName={`mt-2 ${question.list}`}
          choiceClassName={`${choiceClass} ${question.choice ?? ""}`}
          inputClassName="accent-brand-700"
        />
      ))}
      {/* Only asked when the chosen contact was the user's own; shown without JavaScript by :has(). */}
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
      <TextareaField
        label="A private note"
        optional
        name="note"
        hint="Only you can read it. It is encrypted before it is stored."
        rows={4}
        maxChars={NOTE_MAX}
        defaultValue={defaults?.note ?? ""}
      />
    </ActionForm>
  );
}
