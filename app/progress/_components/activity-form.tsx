import { addActivity } from "@/lib/actions/goals";
import { ActionForm } from "@/components/forms/action-form";
import { PastDayField } from "@/app/progress/_components/past-day-field";
import { TextField } from "@/components/forms/text-field";
import { ACTIVITY_TITLE_MAX } from "@/lib/tracker/limits";

export function ActivityForm({ requestKey, today }: { requestKey: string; today: string }) {
  return (
    <ActionForm action={addActivity} hidden={{ requestKey }} submitLabel="Save activity">
      <TextField label="Something new you tried" name="title" maxChars={ACTIVITY_TITLE_MAX} />
      <PastDayField today={today} />
    </ActionForm>
  );
}
