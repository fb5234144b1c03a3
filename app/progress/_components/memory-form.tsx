import { addMemory, editMemory } from "@/lib/actions/memories";
import { ActionForm } from "@/components/forms/action-form";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextareaField } from "@/components/forms/textarea-field";
import { MEMORY_KINDS, MEMORY_LABELS, type MemoryKind } from "@/lib/tracker/scales";
import { MEMORY_MAX } from "@/lib/tracker/limits";
import { rowFormTarget, type RowFormMode } from "@/app/progress/_components/form-target";

const kindChoices = MEMORY_KINDS.map((kind) => ({ value: kind, label: MEMORY_LABELS[kind] }));

export function MemoryForm({
  suggestKind,
  ...mode
}: RowFormMode<{ id: string; kind: MemoryKind; text: string }> & {
  suggestKind?: MemoryKind;
}) {
  return (
    <ActionForm {...rowFormTarget(mode, addMemory, editMemory, "Save memory")}>
      <RadioGroup
        legend="What kind of memory is it?"
        name="kind"
        choices={kindChoices}
        defaultValue={mode.editing?.kind ?? suggestKind}
        listClassName="mt-2 flex flex-wrap gap-x-4"
      />
      <TextareaField
        label="The memory"
        name="text"
        rows={3}
        maxChars={MEMORY_MAX}
        defaultValue={mode.editing?.text}
      />
    </ActionForm>
  );
}
