"use client";

import { ChoiceGroup, type ChoiceGroupProps } from "@/components/forms/choice-group";
import { useField } from "@/components/forms/form-context";

/** One answer out of several; `defaultValue` is the answer before the first submission. */
export function RadioGroup({
  defaultValue,
  ...props
}: ChoiceGroupProps & { defaultValue?: string }) {
  const field = useField(props.name);
  const chosen = field.text(defaultValue ?? "");
  return <ChoiceGroup type="radio" checked={chosen ? [chosen] : []} {...props} />;
}
