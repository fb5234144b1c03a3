"use client";

import type { ReactNode, SelectHTMLAttributes } from "react";
import { describedBy, useField } from "@/components/forms/form-context";
import { FieldError } from "@/components/forms/field-error";
import { FieldHint } from "@/components/forms/field-hint";
import { useEdited } from "@/components/forms/use-edited";
import { inputClass } from "@/components/ui/styles";

type SelectProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  "id" | "name" | "defaultValue" | "value" | "className" | "children"
>;

/** A drop-down list; `placeholder` adds an empty first choice ("Choose…"). */
export function SelectField({
  label,
  name,
  hint,
  options,
  placeholder,
  defaultValue,
  labelClassName = "block font-semibold",
  onChange,
  ...select
}: SelectProps & {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  defaultValue?: string;
  labelClassName?: string;
}) {
  const field = useField(name);
  const [edited, markEdited] = useEdited();
  const errors = edited ? undefined : field.errors;
  return (
    <div>
      <label htmlFor={field.id} className={labelClassName}>
        {label}
      </label>
      <FieldHint id={field.hintId} hint={hint} />
      <select
        {...select}
        id={field.id}
        name={name}
        defaultValue={field.text(defaultValue)}
        onChange={(event) => {
          markEdited();
          onChange?.(event);
        }}
        aria-describedby={describedBy(!!hint && field.hintId, !!errors && field.errorId)}
        aria-invalid={errors ? true : undefined}
        className={inputClass}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={field.errorId} errors={errors} />
    </div>
  );
}
