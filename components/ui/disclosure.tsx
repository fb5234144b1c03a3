"use client";

import { useState, type ReactNode } from "react";

/**
 * A <details> that starts open or folded and then stays as the reader left it.
 * A plain `open` prop would follow the server: when a form inside succeeds and
 * the page is rendered again with a new `defaultOpen`, the section would fold
 * away with the form's own "done" line in it.
 */
export function Disclosure({
  summary,
  defaultOpen,
  className,
  children,
}: {
  summary: ReactNode;
  defaultOpen: boolean;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details
      className={className}
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer font-semibold">{summary}</summary>
      {children}
    </details>
  );
}
