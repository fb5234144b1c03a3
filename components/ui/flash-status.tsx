"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * What an action did, said by the page it led to (a flash query parameter):
 * the form that did it may be gone from the page (a claimed referral has no
 * claim form), so the form's own status line cannot say it. A polite status
 * region that takes focus once when it appears, so a screen reader reads it and
 * keyboard users continue from here. Without JavaScript it is simply shown.
 */
export function FlashStatus({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      className="mt-6 rounded-md bg-green-50 p-3 text-green-900 outline-none focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-green-700 dark:bg-green-950 dark:text-green-100 dark:focus-visible:outline-green-300"
    >
      {children}
    </p>
  );
}
