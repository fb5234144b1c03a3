"use client";

import { useState, type ReactNode } from "react";
import { describedBy, useField } from "@/components/forms/form-context";
import { FieldError } from "@/components/forms/field-error";
import { charCount } from "@/components/forms/field-hint";
import { FieldHead } from "@/components/forms/field-head";
import { useEdited } from "@/components/forms/use-edited";
import { errorTextClass, inputClass, mutedClass } from "@/components/ui/styles";

/**
 * Multi-line text with its limit said in the hint and a live count beside it.
 * Never `maxLength`: a pasted 70,000 characters stay in the box, the count
 * says how many are too many, and the server refuses with the same limit.
 */
export function TextareaField({
  label,
  name,
  hint,
  optional,
  maxChars,
  rows = 3,
  defaultValue,
}: {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  optional?: boolean;
  maxChars: number;
  rows?: number;
  defaultValue?: string;
}) {
  const field = useField(name);
  const initial = field.text(defaultValue);
  const [length, setLength] = useState(initial.length);
  const [edited, markEdited] = useEdited();
  const errors = edited ? undefined : field.errors;
  const countId = `${field.id}-count`;
  const over = length - maxChars;
  return (
    <div>
      <FieldHead field={field} label={label} optional={optional} hint={hint} maxChars={maxChars} />
      <textarea
        id={field.id}
        name={name}
        rows={rows}
        defaultValue={initial}
        onChange={(event) => {
          setLength(event.target.value.length);
          markEdited();
        }}
        aria-describedby={describedBy(field.hintId, countId, !!errors && field.errorId)}
        aria-invalid={errors || over > 0 ? true : undefined}
        className={inputClass}
      />
      <p id={countId} className={`mt-1 text-sm ${over > 0 ? errorTextClass : mutedClass}`}>
        {over > 0
          ? `${charCount.format(over)} ${over === 1 ? "character" : "characters"} too many: shorten it to ${charCount.format(maxChars)} to save.`
          : `${charCount.format(length)} of ${charCount.format(maxChars)} characters`}
      </p>
      <FieldError id={field.errorId} errors={errors} />
    </div>
  );
}
