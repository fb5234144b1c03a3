import { TextareaField } from "@/components/forms/textarea-field";

/** "A note", optional, two rows: the free text a goal or a time reaching out can carry. */
export function NoteField({
  maxChars,
  defaultValue,
}: {
  maxChars: number;
  defaultValue?: string | null;
}) {
  return (
    <TextareaField
      label="A note"
      optional
      name="note"
      rows={2}
      maxChars={maxChars}
      defaultValue={defaultValue ?? undefined}
    />
  );
}
