"use client";

import { useActionState } from "react";
import { answerValentines } from "@/lib/actions/hard-dates";
import { type FormState } from "@/lib/actions/form-state";
import { FormMessage } from "@/components/ui/field-error";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";

export function ValentinesOffer({ requestKey }: { requestKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(answerValentines, {});
  return (
    <form action={action} className="mt-3">
      <input type="hidden" name="requestKey" value={requestKey} />
      <p>
        Valentine&apos;s Day is hard for many people after a breakup. Shall we add it to your hard
        dates, so you get a gentle reminder two weeks before?
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        <button type="submit" name="answer" value="add" className={buttonClass} disabled={pending}>
          Add Valentine&apos;s Day
        </button>
        <button
          type="submit"
          name="answer"
          value="decline"
          className={secondaryButtonClass}
          disabled={pending}
        >
          No thanks
        </button>
      </div>
      <FormMessage error={state.formError} message={state.message} />
    </form>
  );
}
