import type { ReactNode } from "react";
import { headingClass, pageClass } from "@/components/ui/styles";

/**
 * A narrow page under one heading that says one thing and offers a way on:
 * signed out, a sign-in link that no longer works, an invitation already
 * answered, or one step of a counseling request (its words, then its form).
 * Its heading, then the paragraphs (and links, buttons or form) it is given.
 */
export function NoticePage({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>{title}</h1>
      {children}
    </div>
  );
}
