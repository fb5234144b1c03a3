import { addHardDate } from "@/lib/actions/hard-dates";
import { ActionForm } from "@/components/forms/action-form";
import { Fieldset } from "@/components/forms/fieldset";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { HARD_DATE_LABEL_MAX, HARD_DATE_PLAN_MAX } from "@/lib/tracker/limits";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
].map((label, i) => ({ value: String(i + 1), label }));
const DAYS = Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

export function HardDateForm({ requestKey }: { requestKey: string }) {
  return (
    <ActionForm action={addHardDate} hidden={{ requestKey }} submitLabel="Add date">
      <TextField
        label="What is the date?"
        name="label"
        hint={`For example: their birthday, our anniversary, the day we met. Up to ${HARD_DATE_LABEL_MAX} characters.`}
      />
      <Fieldset legend="Which day of the year?">
        <div className="mt-1 grid grid-cols-2 gap-4">
          <SelectField
            label="Month"
            labelClassName="block text-sm"
            name="month"
            options={MONTHS}
            placeholder="Choose…"
          />
          <SelectField
            label="Day"
            labelClassName="block text-sm"
            name="day"
            options={DAYS}
            placeholder="Choose…"
          />
        </div>
      </Fieldset>
      <TextareaField
        label="Your plan for the day"
        optional
        name="plan"
        rows={2}
        maxChars={HARD_DATE_PLAN_MAX}
        hint="The article's advice: reach out to friends and spend the day together."
      />
    </ActionForm>
  );
}
