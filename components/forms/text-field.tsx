"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { describedBy, useField } from "@/components/forms/form-context";
import { FieldError } from "@/components/forms/field-error";
import { FieldHint } from "@/components/forms/field-hint";
import { FieldLabel } from "@/components/forms/field-label";
import { useEdited } from "@/components/forms/use-edited";
import { inputClass } from "@/components/ui/styles";

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "defaultValue" | "className" | "maxLength"
>;

/**
 * A one-line input with its label, hint and error. There is no `maxLength`:
 * the browser would cut pasted text without a word, so the server's limit and
 * its message decide.
 */
export function TextField({
  label,
  name,
  hint,
  optional,
  defaultValue,
  ...input
}: InputProps & {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  optional?: boolean;
  defaultValue?: string;
}) {
  const field = useField(name);
  const [edited, markEdited] = useEdited();
  const errors = edited ? undefined : field.errors;
  return (
    <div>
      <FieldLabel htmlFor={field.id} optional={optional}>
        {label}
      </FieldLabel>
      <FieldHint id={field.hintId}>{hint}</FieldHint>
      <input
        type="text"
        {...input}
        id={field.id}
        name={name}
        defaultValue={field.text(defaultValue)}
        onInput={markEdited}
        aria-describedby={describedBy(!!hint && field.hintId, !!errors && field.errorId)}
        aria-invalid={errors ? true : undefined}
        className={inputClass}
      />
      <FieldError id={field.errorId} errors={errors} />
    </div>
  );
}
