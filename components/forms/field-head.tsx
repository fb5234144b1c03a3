import type { ReactNode } from "react";
import { FieldHint } from "@/components/forms/field-hint";
import { FieldLabel } from "@/components/forms/field-label";

/** What stands above a text control: its label, then its hint and length limit. */
export function FieldHead({
  field,
  label,
  optional,
  hint,
  maxChars,
}: {
  field: { id: string; hintId: string };
  label: ReactNode;
  optional?: boolean;
  hint?: ReactNode;
  maxChars?: number;
}) {
  return (
    <>
      <FieldLabel htmlFor={field.id} optional={optional}>
        {label}
      </FieldLabel>
      <FieldHint id={field.hintId} hint={hint} maxChars={maxChars} />
    </>
  );
}
