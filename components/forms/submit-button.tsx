"use client";

import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/components/ui/styles";

/** A submit button that cannot be pressed twice while its form is sending. */
export function SubmitButton({
  className = buttonClass,
  ...button
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "disabled">) {
  const { pending } = useFormStatus();
  return <button {...button} type="submit" className={className} disabled={pending} />;
}
