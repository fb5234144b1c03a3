"use client";

import { useState, useTransition, type MouseEvent } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { errorTextClass } from "@/components/ui/styles";

type RowAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A row's Remove. Without JavaScript it is a link to the row's confirmation
 * ("Remove this memory? Remove / Keep"), since nothing could offer Undo for a
 * few seconds. With JavaScript it removes at once: the list's undo bar then
 * offers the way back.
 */
export function RemoveLink({
  action,
  id,
  href,
  label,
  className,
}: {
  action: RowAction;
  id: string;
  /** The confirmation step, for a browser without JavaScript. */
  href: string;
  /** The accessible name: says which row, e.g. "Remove “run 5k”". */
  label: string;
  className: string;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState("");

  function remove(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData();
    formData.set("id", id);
    startTransition(async () => {
      const state = await action({}, formData);
      setError(state.formError ?? "");
    });
  }

  return (
    <>
      <a
        href={href}
        onClick={remove}
        aria-disabled={pending || undefined}
        aria-label={label}
        className={className}
      >
        {pending ? "Removing…" : "Remove"}
      </a>
      {error && (
        <p role="alert" className={`basis-full ${errorTextClass}`}>
          {error}
        </p>
      )}
    </>
  );
}
