"use client";

import { Fragment, useActionState, useId, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { ErrorSummary } from "@/components/forms/error-summary";
import { HiddenInputs } from "@/components/forms/hidden-inputs";
import { FormContext } from "@/components/forms/form-context";
import { StatusLine } from "@/components/forms/status-line";
import { SubmitButton } from "@/components/forms/submit-button";

type Action<S> = (state: Awaited<S>, formData: FormData) => Promise<S>;

/**
 * One form around one server action: the error summary on top, the fields
 * (which read their ids, errors and echoed values from it), and the submit
 * button with its status line at the bottom.
 */
export function ActionForm<S extends FormState>({
  action,
  children,
  submitLabel,
  submitClassName,
  buttons,
  hidden = {},
  className = "mt-4 space-y-4",
  autoComplete,
  replacedBy,
}: {
  action: Action<S>;
  children?: ReactNode;
  submitLabel?: string;
  submitClassName?: string;
  /** Buttons (SubmitButton) in place of the one submit button, e.g. "Add" and "No thanks". */
  buttons?: ReactNode;
  /** Hidden inputs: the ids and keys the action needs besides what is typed. */
  hidden?: Record<string, string>;
  className?: string;
  autoComplete?: "off";
  /** Shown (under the status line) instead of the form once the answer makes the form moot. */
  replacedBy?: ReactNode | ((state: Awaited<S>) => ReactNode);
}) {
  const [state, formAction, pending] = useActionState(action, {} as Awaited<S>);
  // What this browser sent last, for the fields to fall back on where the
  // echo is capped. Read on submit, so the form's action stays the server
  // action itself and works before (or without) JavaScript.
  const [sent, setSent] = useState<FormData | null>(null);
  const id = useId();
  const answered = useAnswerCount(state);
  const done = typeof replacedBy === "function" ? replacedBy(state) : replacedBy;

  if (done) {
    return (
      <div className={className}>
        <StatusLine state={state} pending={pending} />
        {done}
      </div>
    );
  }
  return (
    <form
      action={formAction}
      onSubmit={(event) => setSent(new FormData(event.currentTarget))}
      className={className}
      noValidate
      autoComplete={autoComplete}
    >
      <HiddenInputs values={hidden} />
      <ErrorSummary formId={id} state={state} />
      <FormContext value={{ id, state, sent }}>
        {/* A new answer remounts the fields: each starts again from the echoed values. */}
        <Fragment key={answered}>{children}</Fragment>
      </FormContext>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {buttons ?? <SubmitButton className={submitClassName}>{submitLabel}</SubmitButton>}
        <StatusLine state={state} pending={pending} />
      </div>
    </form>
  );
}

/** Counts the answers the action has given, to key the fields by. */
function useAnswerCount(state: unknown): number {
  const [seen, setSeen] = useState({ state, count: 0 });
  if (seen.state !== state) {
    const next = { state, count: seen.count + 1 };
    setSeen(next);
    return next.count;
  }
  return seen.count;
}
