"use client";

import type { ReactNode } from "react";
import { useField } from "@/components/forms/form-context";

/** A single yes/no box ("on" when ticked), kept as it was through a refused submission. */
export function CheckboxField({
  name,
  label,
  defaultChecked = false,
  className = "flex min-h-10 items-start gap-2 py-1",
}: {
  name: string;
  label: ReactNode;
  defaultChecked?: boolean;
  className?: string;
}) {
  const field = useField(name);
  return (
    <label className={className}>
      <input
        type="checkbox"
        id={field.id}
        name={name}
        defaultChecked={field.choices(defaultChecked ? ["on"] : []).includes("on")}
        className="mt-1 size-5 shrink-0 accent-brand-700"
      />
      <span>{label}</span>
    </label>
  );
}
