import { addReachOut } from "@/lib/actions/reach-outs";
import { ActionForm } from "@/components/forms/action-form";
import { PastDayField } from "@/app/progress/_components/past-day-field";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { REACH_OUT_FEELING_LABELS, REACH_OUT_FEELINGS } from "@/lib/tracker/scales";
import { REACH_OUT_NOTE_MAX, WHO_MAX } from "@/lib/tracker/limits";

const feelingChoices = REACH_OUT_FEELINGS.map((feeling) => ({
  value: feeling,
  label: REACH_OUT_FEELING_LABELS[feeling],
}));

export function ReachOutForm({ requestKey, today }: { requestKey: string; today: string }) {
  return (
    <ActionForm action={addReachOut} hidden={{ requestKey }} submitLabel="Save">
      <TextField
        label="Who you talked to"
        name="who"
        hint="A first name or a nickname is enough. Names are encrypted and stay private."
        maxChars={WHO_MAX}
      />
      <PastDayField today={today} />
      <RadioGroup
        legend="How did it feel?"
        name="feeling"
        choices={feelingChoices}
        listClassName="mt-2 flex flex-wrap gap-x-4"
      />
      <TextareaField label="A note" optional name="note" rows={2} maxChars={REACH_OUT_NOTE_MAX} />
    </ActionForm>
  );
}
