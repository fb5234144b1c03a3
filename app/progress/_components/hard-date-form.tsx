import { addHardDate, editHardDate } from "@/lib/actions/hard-dates";
import { ActionForm } from "@/components/forms/action-form";
import { Fieldset } from "@/components/forms/fieldset";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { HARD_DATE_LABEL_MAX, HARD_DATE_PLAN_MAX } from "@/lib/tracker/limits";
import { rowFormTarget, type RowFormMode } from "@/app/progress/_components/form-target";

export type HardDate = {
  id: string;
  label: string;
  month: number;
  day: number;
  plan: string | null;
};

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
const DAY_OF_YEAR = [
  { name: "month", label: "Month", options: MONTHS },
  { name: "day", label: "Day", options: DAYS },
] as const;

export function HardDateForm(mode: RowFormMode<HardDate>) {
  const date = mode.editing;
  return (
    <ActionForm {...rowFormTarget(mode, addHardDate, editHardDate, "Add date")}>
      <TextField
        label="What is the date?"
        name="label"
        defaultValue={date?.label}
        hint={`For example: their birthday, our anniversary, the day we met. Up to ${HARD_DATE_LABEL_MAX} characters.`}
      />
      <Fieldset legend="Which day of the year?">
        <div className="mt-1 grid grid-cols-2 gap-4">
          {DAY_OF_YEAR.map(({ name, label, options }) => (
            <SelectField
              key={name}
              label={label}
              labelClassName="block text-sm"
              name={name}
              defaultValue={date ? String(date[name]) : undefined}
              options={options}
              placeholder="Choose…"
            />
          ))}
        </div>
      </Fieldset>
      <TextareaField
        label="Your plan for the day"
        optional
        name="plan"
        rows={2}
        maxChars={HARD_DATE_PLAN_MAX}
        defaultValue={date?.plan ?? undefined}
        hint="The article's advice: reach out to friends and spend the day together."
      />
    </ActionForm>
  );
}
