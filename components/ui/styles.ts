// Shared class lists for the few form primitives (no component library).
export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-neutral-300 px-4 py-2 font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900";
export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60";
export const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-base text-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100";
export const pageClass = "mx-auto max-w-xl px-4 py-12";
export const headingClass = "text-2xl font-bold sm:text-3xl";
export const textClass = "mt-4 text-neutral-700 dark:text-neutral-300";
export const linkClass = "font-medium underline underline-offset-4";
