"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { undoRemove } from "@/lib/actions/removals";
import type { FormState } from "@/lib/actions/form-state";
import { formStatus } from "@/components/forms/form-status";
import { undoShownFor } from "@/lib/tracker/removals";
import { errorTextClass, rowControlClass } from "@/components/ui/styles";

export type PendingRemovalView = { token: string; acceptedForMs: number };

/**
 * "Removed. Undo" under a list's heading: a polite live region from the
 * start, so the change is read out. A new removal moves focus to Undo (the
 * button that was pressed is gone with its row); when the few seconds are up
 * the offer goes, and focus, if it was here, returns to the heading of the
 * list's section.
 * Rendered from the server's pending removals, so it also appears after a
 * removal without JavaScript (where it stays until the next page load, and the
 * server answers "too late" once the window is over).
 */
export function UndoBar({ removal, noun }: { removal: PendingRemovalView | null; noun: string }) {
  const [state, formAction] = useActionState(undoRemove, {} as FormState);
  const [expired, setExpired] = useState("");
  const bar = useRef<HTMLDivElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  const token = removal?.token ?? "";
  const acceptedForMs = removal?.acceptedForMs ?? 0;

  useEffect(() => {
    if (!token) return;
    undo.current?.focus();
    const timer = setTimeout(() => {
      const hadFocus = bar.current?.contains(document.activeElement) ?? false;
      setExpired(token);
      const heading = bar.current?.closest("section")?.querySelector<HTMLElement>("h2");
      if (hadFocus && heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    }, undoShownFor(acceptedForMs));
    return () => clearTimeout(timer);
  }, [token, acceptedForMs]);

  // After Undo the status says so; the focus stays here, where the button was.
  useEffect(() => {
    if (formStatus(state)) bar.current?.focus();
  }, [state]);

  const offered = token !== "" && expired !== token;
  const status = formStatus(state);
  return (
    <div ref={bar} tabIndex={-1} aria-live="polite" role="status" className="mt-2 outline-none">
      {offered ? (
        <form action={formAction} className="flex flex-wrap items-center gap-x-3">
          <input type="hidden" name="token" value={token} />
          <span>Removed one {noun}.</span>
          {/* A second press is harmless: the row is already back. */}
          <button ref={undo} type="submit" className={rowControlClass}>
            Undo
          </button>
        </form>
      ) : status === "saved" && !token ? (
        <p className="text-green-800 dark:text-green-300">{state.message}</p>
      ) : status === "error" ? (
        <p className={errorTextClass}>{state.formError}</p>
      ) : null}
    </div>
  );
}
