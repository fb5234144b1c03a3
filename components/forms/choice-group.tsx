"use client";

import type { ReactNode } from "react";
import { Fieldset } from "@/components/forms/fieldset";
import { useField } from "@/components/forms/form-context";
import { useEdited } from "@/components/forms/use-edited";

export type Choice = {
  value: string;
  label: ReactNode;
  /** Extra attributes for the input, e.g. a data- flag that CSS reveals a follow-up field by. */
  data?: Record<`data-${string}`, string>;
};

export type ChoiceGroupProps = {
  legend: ReactNode;
  name: string;
  hint?: ReactNode;
  choices: readonly Choice[];
  className?: string;
  legendClassName?: string;
  listClassName?: string;
  choiceClassName?: string;
  inputClassName?: string;
  /** Told of every change, for a field shown only for one choice. */
  onChoose?: (value: string, checked: boolean) => void;
  children?: ReactNode;
};

const defaults = {
  listClassName: "mt-2 flex flex-col gap-1",
  choiceClassName: "flex min-h-10 items-start gap-2 py-1",
  inputClassName: "mt-1 size-5 shrink-0 accent-brand-700",
};

/**
 * Radios or checkboxes under one legend. The first input carries the group's
 * id, so the error summary's link lands on it; the group keeps what was chosen
 * through a refused submission.
 */
export function ChoiceGroup({
  type,
  checked,
  legend,
  name,
  hint,
  choices,
  className,
  legendClassName,
  listClassName = defaults.listClassName,
  choiceClassName = defaults.choiceClassName,
  inputClassName = defaults.inputClassName,
  onChoose,
  children,
}: ChoiceGroupProps & { type: "radio" | "checkbox"; checked: readonly string[] }) {
  const field = useField(name);
  const [edited, markEdited] = useEdited();
  const errors = edited ? undefined : field.errors;
  return (
    <Fieldset
      legend={legend}
      hint={hint}
      ids={{ hint: field.hintId, error: field.errorId }}
      errors={errors}
      className={className}
      legendClassName={legendClassName}
    >
      <div className={listClassName}>
        {choices.map((choice, index) => (
          <label key={choice.value} className={choiceClassName}>
            <input
              {...choice.data}
              type={type}
              id={index === 0 ? field.id : undefined}
              name={name}
              value={choice.value}
              defaultChecked={checked.includes(choice.value)}
              onChange={(event) => {
                markEdited();
                onChoose?.(choice.value, event.target.checked);
              }}
              aria-invalid={errors ? true : undefined}
              className={inputClassName}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {children}
    </Fieldset>
  );
}
