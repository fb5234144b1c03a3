import type { ReactNode } from "react";
import { hintClass } from "@/components/ui/styles";

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className={hintClass}>
      {children}
    </p>
  );
}
