// Shared class lists for the few primitives (no component library). A class
// string that would otherwise stand inline in several files lives here.
export const buttonClass =
  "inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-neutral-300 px-4 py-2 font-medium hover:bg-neutral-100 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-900";
export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60";
export const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-base text-neutral-900 dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100";
export const pageClass = "mx-auto max-w-xl px-4 py-12";
export const headingClass = "text-2xl font-bold sm:text-3xl";
/** Body text a shade softer than headings. */
export const softClass = "text-neutral-700 dark:text-neutral-300";
export const textClass = `mt-4 ${softClass}`;
export const linkClass = "font-medium underline underline-offset-4";
/** A small link-like control on one row of a list: Edit, Remove, Mark as done, Undo. */
export const rowControlClass = "text-sm underline underline-offset-4 hover:no-underline";

/** Secondary text: hints, captions, the "(3 of 5)" beside a word. */
export const mutedClass = "text-neutral-600 dark:text-neutral-400";
/** A hint under a label. */
export const hintClass = `mt-1 text-sm ${mutedClass}`;
/** A field's error message. */
export const errorTextClass = "text-sm text-red-700 dark:text-red-400";
/** A thin rule or box edge. */
export const borderClass = "border-neutral-200 dark:border-neutral-800";
/** A bordered box around a group of fields or a summary. */
export const boxClass = `rounded-lg border ${borderClass} p-4`;
/** A section that follows another, with a rule above it. */
export const sectionRuleClass = `mt-8 border-t ${borderClass} pt-6`;
/**
 * Text a person wrote (notes, names, messages): keeps their line breaks and
 * breaks a long word or pasted link anywhere rather than widening the page.
 */
export const ownTextClass = "whitespace-pre-wrap [overflow-wrap:anywhere]";
/** A tinted box for a notice or a summary. */
export const cardClass = `mt-4 rounded-lg border ${borderClass} bg-neutral-50 p-4 dark:bg-neutral-900`;

/** A link among tabs (the inbox filters, a referral's threads); the current one by aria-current. */
export const tabLinkClass =
  "inline-flex min-h-10 items-center rounded-md border px-3 py-1 font-medium border-neutral-300 dark:border-neutral-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white aria-[current=page]:border-brand-700";
