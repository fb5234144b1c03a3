import { addActivity, editActivity } from "@/lib/actions/goals";
import { ActionForm } from "@/components/forms/action-form";
import { PastDayField } from "@/app/progress/_components/past-day-field";
import { TextField } from "@/components/forms/text-field";
import { ACTIVITY_TITLE_MAX } from "@/lib/tracker/limits";
import { rowFormTarget, type RowFormMode } from "@/app/progress/_components/form-target";

export function ActivityForm({
  today,
  ...mode
}: RowFormMode<{ id: string; title: string; day: string }> & { today: string }) {
  return (
    <ActionForm {...rowFormTarget(mode, addActivity, editActivity, "Save activity")}>
      <TextField
        label="Something new you tried"
        name="title"
        maxChars={ACTIVITY_TITLE_MAX}
        defaultValue={mode.editing?.title}
      />
      <PastDayField today={today} day={mode.editing?.day} />
    </ActionForm>
  );
}
