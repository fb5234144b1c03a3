import { addGoal, editGoal } from "@/lib/actions/goals";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/text-field";
import { NoteField } from "@/app/progress/_components/note-field";
import { GOAL_NOTE_MAX, GOAL_TITLE_MAX } from "@/lib/tracker/limits";
import { rowFormTarget, type RowFormMode } from "@/app/progress/_components/form-target";

export type Goal = { id: string; title: string; note: string | null; targetDate: string | null };

export function GoalForm(mode: RowFormMode<Goal>) {
  const goal = mode.editing;
  return (
    <ActionForm {...rowFormTarget(mode, addGoal, editGoal, "Add goal")}>
      <TextField
        label="Your goal"
        name="title"
        hint={`Up to ${GOAL_TITLE_MAX} characters.`}
        defaultValue={goal?.title}
      />
      <TextField
        label="Target date"
        optional
        name="targetDate"
        type="date"
        min="1900-01-01"
        defaultValue={goal?.targetDate ?? undefined}
      />
      <NoteField maxChars={GOAL_NOTE_MAX} defaultValue={goal?.note} />
    </ActionForm>
  );
}
