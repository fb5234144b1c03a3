import { addGoal } from "@/lib/actions/goals";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { GOAL_NOTE_MAX, GOAL_TITLE_MAX } from "@/lib/tracker/limits";

export function GoalForm({ requestKey }: { requestKey: string }) {
  return (
    <ActionForm action={addGoal} hidden={{ requestKey }} submitLabel="Add goal">
      <TextField label="Your goal" name="title" hint={`Up to ${GOAL_TITLE_MAX} characters.`} />
      <TextField label="Target date" optional name="targetDate" type="date" min="1900-01-01" />
      <TextareaField label="A note" optional name="note" rows={2} maxChars={GOAL_NOTE_MAX} />
    </ActionForm>
  );
}
