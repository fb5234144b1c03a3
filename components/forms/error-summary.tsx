"use client";

import { useEffect, useRef, type MouseEvent } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { fieldId } from "@/components/forms/form-context";
import { summaryErrors } from "@/components/forms/form-status";

/**
 * The GOV.UK error summary: at the top of a refused form, it takes focus (so a
 * screen reader reads the problem at once) and links to each field.
 */
export function ErrorSummary({ formId, state }: { formId: string; state: FormState }) {
  const ref = useRef<HTMLDivElement>(null);
  const errors = summaryErrors(state);
  const shown = errors.length > 0;

  // Every new refusal moves focus here, even when the text is the same as before.
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [state, shown]);

  if (!shown) return null;
  const headingId = `${formId}-problem`;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-labelledby={headingId}
      className="rounded-md border-2 border-red-700 bg-red-50 p-4 text-neutral-900 outline-none focus-visible:outline-3 dark:border-red-400 dark:bg-neutral-900 dark:text-neutral-100"
    >
      <h2 id={headingId} className="font-semibold">
        There is a problem
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {errors.map((error) => (
          <li key={error.name ?? "form"}>
            {error.name ? (
              <a
                href={`#${fieldId(formId, error.name)}`}
                onClick={(event) => focusField(event, fieldId(formId, error.name!))}
                className="font-medium text-red-800 underline underline-offset-4 dark:text-red-300"
              >
                {error.text}
              </a>
            ) : (
              error.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

// A fragment link scrolls but does not always move focus; the field should
// have it, with its label or legend in view.
function focusField(event: MouseEvent, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  (target.closest("fieldset") ?? target.closest("div") ?? target).scrollIntoView({
    block: "start",
  });
}
