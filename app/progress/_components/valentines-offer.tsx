import { answerValentines } from "@/lib/actions/hard-dates";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { secondaryButtonClass } from "@/components/ui/styles";

export function ValentinesOffer({ requestKey }: { requestKey: string }) {
  return (
    <ActionForm
      action={answerValentines}
      hidden={{ requestKey }}
      className="mt-3 space-y-3"
      buttons={
        <>
          <SubmitButton name="answer" value="add">
            Add Valentine&apos;s Day
          </SubmitButton>
          <SubmitButton name="answer" value="decline" className={secondaryButtonClass}>
            No thanks
          </SubmitButton>
        </>
      }
    >
      <p>
        Valentine&apos;s Day is hard for many people after a breakup. Shall we add it to your hard
        dates, so you get a gentle reminder two weeks before?
      </p>
    </ActionForm>
  );
}
