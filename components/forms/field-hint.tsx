import type { ReactNode } from "react";
import { hintClass } from "@/components/ui/styles";

/** Counts as people read them: "5,000". */
export const charCount = new Intl.NumberFormat("en-US");

/**
 * The hint under a label. A field with a length limit says it here, in the
 * same words everywhere, since no `maxLength` cuts what is typed or pasted.
 */
export function FieldHint({
  id,
  hint,
  maxChars,
}: {
  id: string;
  hint?: ReactNode;
  maxChars?: number;
}) {
  if (!hint && maxChars === undefined) return null;
  return (
    <p id={id} className={hintClass}>
      {hint}
      {hint && maxChars !== undefined ? " " : null}
      {maxChars === undefined ? null : `Up to ${charCount.format(maxChars)} characters.`}
    </p>
  );
}
