import type { ReactNode } from "react";

/** A field's label, with "(optional)" said in words rather than by a missing asterisk. */
export function FieldLabel({
  htmlFor,
  optional,
  children,
}: {
  htmlFor: string;
  optional?: boolean;
  children: ReactNode;
}) {
  return (
    <label htmlFor={htmlFor} className="block font-semibold">
      {children}
      {optional ? <span className="font-normal"> (optional)</span> : null}
    </label>
  );
}
