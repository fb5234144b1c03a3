"use client";

import type { FormState } from "@/lib/actions/form-state";
import { formStatus } from "@/components/forms/form-status";
import { errorTextClass } from "@/components/ui/styles";

/**
 * What happened to the last submission, said beside the button where the
 * person is looking: "Sending…", then the action's message (or "Saved"), or
 * "Not saved". It is a polite live region from the start, so the change is
 * read out; it takes the status role only while it has something to say, so a
 * page with several forms has one status at a time.
 */
export function StatusLine({ state, pending }: { state: FormState; pending: boolean }) {
  const status = formStatus(state);
  const text = pending
    ? "Sending…"
    : status === "saved"
      ? (state.message ?? "Saved")
      : status === "error"
        ? "Not saved"
        : "";
  const tone =
    !pending && status === "error"
      ? errorTextClass
      : !pending && status === "saved"
        ? "text-green-800 dark:text-green-300"
        : "text-neutral-700 dark:text-neutral-300";
  return (
    <p aria-live="polite" role={text ? "status" : undefined} className={tone}>
      {text}
    </p>
  );
}
