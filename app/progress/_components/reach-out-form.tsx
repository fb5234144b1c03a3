import { addReachOut, editReachOut } from "@/lib/actions/reach-outs";
import { ActionForm } from "@/components/forms/action-form";
import { PastDayField } from "@/app/progress/_components/past-day-field";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextField } from "@/components/forms/text-field";
import { NoteField } from "@/app/progress/_components/note-field";
import {
  REACH_OUT_FEELING_LABELS,
  REACH_OUT_FEELINGS,
  type ReachOutFeeling,
} from "@/lib/tracker/scales";
import { REACH_OUT_NOTE_MAX, WHO_MAX } from "@/lib/tracker/limits";
import { rowFormTarget, type RowFormMode } from "@/app/progress/_components/form-target";

export type ReachOutEntry = {
  id: string;
  who: string;
  day: string;
  feeling: ReachOutFeeling;
  note: string | null;
};

const feelingChoices = REACH_OUT_FEELINGS.map((feeling) => ({
  value: feeling,
  label: REACH_OUT_FEELING_LABELS[feeling],
}));

export function ReachOutForm({ today, ...mode }: RowFormMode<ReachOutEntry> & { today: string }) {
  const entry = mode.editing;
  return (
    <ActionForm {...rowFormTarget(mode, addReachOut, editReachOut, "Save")}>
      <TextField
        label="Who you talked to"
        name="who"
        hint="A first name or a nickname is enough. Names are encrypted and stay private."
        maxChars={WHO_MAX}
        defaultValue={entry?.who}
      />
      <PastDayField today={today} day={entry?.day} />
      <RadioGroup
        legend="How did it feel?"
        name="feeling"
        choices={feelingChoices}
        defaultValue={entry?.feeling}
        listClassName="mt-2 flex flex-wrap gap-x-4"
      />
      <NoteField maxChars={REACH_OUT_NOTE_MAX} defaultValue={entry?.note} />
    </ActionForm>
  );
}
