import type { FormState } from "@/lib/actions/form-state";
import type { CounselingChoice } from "@/lib/counseling/entry-points";
import { SAFETY_QUESTIONS } from "@/lib/counseling/safety-screen";
import { ActionForm } from "@/components/forms/action-form";
import { RadioGroup } from "@/components/forms/radio-group";
import { boxClass } from "@/components/ui/styles";

const CHOICES = [
  { value: "no", label: "No" },
  { value: "yes", label: "Yes" },
  { value: "unsure", label: "Not sure" },
];

/** The private safety screen. The answers go to the server once and are never stored. */
export function SafetyScreenForm({
  action,
  referralId,
  choice,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Set when the invited partner answers, naming the referral they joined. */
  referralId?: string;
  /** The person's "for me" / "for us", carried on to the next page. */
  choice?: CounselingChoice | null;
}) {
  return (
    <ActionForm
      action={action}
      hidden={{ ...(referralId ? { referralId } : {}), ...(choice ? { for: choice } : {}) }}
      submitLabel="Continue"
      className="mt-8 space-y-6"
      autoComplete="off"
    >
      {SAFETY_QUESTIONS.map((question) => (
        <RadioGroup
          key={question.id}
          legend={question.text}
          legendClassName="px-1 font-medium"
          className={boxClass}
          name={question.id}
          choices={CHOICES}
          listClassName="mt-2 flex flex-wrap gap-x-6 gap-y-2"
          choiceClassName="inline-flex min-h-10 items-center gap-2"
          inputClassName="size-5 accent-brand-700"
        />
      ))}
    </ActionForm>
  );
}
