"use client";

import { ChoiceGroup, type ChoiceGroupProps } from "@/components/forms/choice-group";
import { useField } from "@/components/forms/form-context";

/** Any number of answers under one name. */
export function CheckboxGroup({
  defaultValue = [],
  ...props
}: ChoiceGroupProps & { defaultValue?: readonly string[] }) {
  const field = useField(props.name);
  return <ChoiceGroup type="checkbox" checked={field.choices(defaultValue)} {...props} />;
}
