"use client";

import type { ReactNode } from "react";
import type { ChoiceGroupProps } from "@/components/forms/choice-group";
import { RadioGroup } from "@/components/forms/radio-group";

/**
 * A radio group drawn as a row of tappable cards (the check-in's mood, scale
 * and contact). Still one native radio per choice, so assistive technology
 * hears a radio group and arrow keys move between choices; the radio itself
 * is the card's full-size hit area (no hidden input for a click to miss),
 * with the card's content drawn over it and letting clicks through.
 * The chosen card gets a thicker border, bolder text and a tick: never colour alone.
 */
export function ChoiceCards({
  choices,
  listClassName,
  cardClassName = "min-h-12 px-1 py-2 text-sm",
  ...props
}: Omit<ChoiceGroupProps, "choiceClassName" | "inputClassName" | "choices"> & {
  choices: readonly { value: string; label: ReactNode; data?: Record<`data-${string}`, string> }[];
  /** The grid of cards, e.g. "grid-cols-5 gap-1.5". */
  listClassName: string;
  /** Each card's size and text. */
  cardClassName?: string;
  defaultValue?: string;
}) {
  return (
    <RadioGroup
      {...props}
      choices={choices.map((choice) => ({
        ...choice,
        label: (
          <span className="pointer-events-none relative flex flex-col items-center gap-1 text-center leading-tight">
            {choice.label}
          </span>
        ),
      }))}
      listClassName={`mt-2 grid ${listClassName}`}
      choiceClassName={`relative flex cursor-pointer items-center justify-center [overflow-wrap:normal] has-checked:font-semibold ${cardClassName}`}
      inputClassName="absolute inset-0 size-full cursor-pointer appearance-none rounded-lg border border-neutral-500 bg-white checked:border-[3px] checked:border-brand-700 checked:bg-brand-50 dark:border-neutral-500 dark:bg-neutral-900 dark:checked:border-brand-100 dark:checked:bg-neutral-800"
    />
  );
}
