import { addMemory } from "@/lib/actions/memories";
import { ActionForm } from "@/components/forms/action-form";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextareaField } from "@/components/forms/textarea-field";
import { MEMORY_KINDS, MEMORY_LABELS } from "@/lib/tracker/scales";
import { MEMORY_MAX } from "@/lib/tracker/limits";

const kindChoices = MEMORY_KINDS.map((kind) => ({ value: kind, label: MEMORY_LABELS[kind] }));

export function MemoryForm({
  requestKey,
  suggestKind,
}: {
  requestKey: string;
  suggestKind?: "GOOD" | "HARD";
}) {
  return (
    <ActionForm action={addMemory} hidden={{ requestKey }} submitLabel="Save memory">
      <RadioGroup
        legend="What kind of memory is it?"
        name="kind"
        choices={kindChoices}
        defaultValue={suggestKind}
        listClassName="mt-2 flex flex-wrap gap-x-4"
      />
      <TextareaField label="The memory" name="text" rows={3} maxChars={MEMORY_MAX} />
    </ActionForm>
  );
}
