"use client";

import { finishTextPause } from "@/lib/actions/text-pauses";
import { ActionForm } from "@/components/forms/action-form";
import { RadioGroup } from "@/components/forms/radio-group";
import { mutedClass } from "@/components/ui/styles";
import { PAUSE_CHOICE_LABELS, type PauseOutcome } from "@/lib/tracker/pause";

const ORDER: PauseOutcome[] = ["REACHED_OUT", "KEPT_DRAFT", "SLIPPED"];

/** Step three: how the pause ends. Every choice is fine. */
export function TextPauseEndForm({ id, people }: { id: string; people: string[] }) {
  const choices = ORDER.map((value) => ({
    value,
    label:
      value === "REACHED_OUT" && people.length > 0 ? (
        <>
          {PAUSE_CHOICE_LABELS[value]}
          <span className={`block text-sm ${mutedClass}`}>
            From your people: {people.join(", ")}
          </span>
        </>
      ) : (
        PAUSE_CHOICE_LABELS[value]
      ),
  }));
  return (
    <ActionForm action={finishTextPause} hidden={{ id }} submitLabel="Done">
      <RadioGroup legend="What would you like to do now?" name="outcome" choices={choices} />
    </ActionForm>
  );
}
