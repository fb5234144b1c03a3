"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { rowControlClass } from "@/components/ui/styles";

/**
 * A row opened for editing, in place of what it says. Opening it (a link,
 * so it works without JavaScript) moves focus to its heading, so a screen
 * reader hears which row is being edited; Cancel returns to the row as it was.
 */
export function EditPanel({
  title,
  cancelHref,
  children,
}: {
  title: string;
  cancelHref: string;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div>
      <h3 ref={heading} tabIndex={-1} className="font-semibold outline-none">
        {title}
      </h3>
      {children}
      <p className="mt-2">
        <Link href={cancelHref} className={rowControlClass}>
          Cancel
        </Link>
      </p>
    </div>
  );
}
