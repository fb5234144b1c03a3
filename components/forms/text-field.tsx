"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import { describedBy, useField } from "@/components/forms/form-context";
import { FieldError } from "@/components/forms/field-error";
import { FieldHead } from "@/components/forms/field-head";
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
  maxChars,
  optional,
  defaultValue,
  ...input
}: InputProps & {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  /** The server's limit, said in the hint (never enforced by the browser). */
  maxChars?: number;
  optional?: boolean;
  defaultValue?: string;
}) {
  const field = useField(name);
  const [edited, markEdited] = useEdited();
  const errors = edited ? undefined : field.errors;
  return (
    <div>
      <FieldHead field={field} label={label} optional={optional} hint={hint} maxChars={maxChars} />
      <input
        type="text"
        {...input}
        id={field.id}
        name={name}
        defaultValue={field.text(defaultValue)}
        onInput={markEdited}
        aria-describedby={describedBy(
          (!!hint || maxChars !== undefined) && field.hintId,
          !!errors && field.errorId,
        )}
        aria-invalid={errors ? true : undefined}
        className={inputClass}
      />
      <FieldError id={field.errorId} errors={errors} />
    </div>
  );
}
