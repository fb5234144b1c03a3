import type { ReactNode } from "react";
import { sectionRuleClass } from "@/components/ui/styles";

/**
 * A part of a page under its own h2, with a rule above it; `id` is also the
 * anchor a link can jump to (/progress#lately).
 */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={sectionRuleClass}>
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
