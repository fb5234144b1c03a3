import type { ReactNode } from "react";
import { FieldError } from "@/components/forms/field-error";
import { FieldHint } from "@/components/forms/field-hint";
import { describedBy } from "@/components/forms/form-context";

/** A group of controls under one question (the legend), with the group's hint and error. */
export function Fieldset({
  legend,
  hint,
  ids,
  errors,
  className,
  legendClassName = "font-semibold",
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  /** The hint's and error's ids, when the group has them. */
  ids?: { hint: string; error: string };
  errors?: string[];
  className?: string;
  legendClassName?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={className}
      aria-describedby={
        ids ? describedBy(!!hint && ids.hint, !!errors?.length && ids.error) : undefined
      }
    >
      <legend className={legendClassName}>{legend}</legend>
      {ids ? <FieldHint id={ids.hint} hint={hint} /> : null}
      {children}
      {ids ? <FieldError id={ids.error} errors={errors} /> : null}
    </fieldset>
  );
}
