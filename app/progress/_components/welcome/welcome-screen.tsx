import type { ReactNode } from "react";
import Link from "next/link";
import { answerWelcome } from "@/lib/actions/welcome";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { headingClass, linkClass, mutedClass, secondaryButtonClass } from "@/components/ui/styles";
import { WELCOME_STEPS, type WelcomeStep } from "@/lib/validations/welcome";

/**
 * The frame of one welcome screen: where you are (1 of 3), the question, its
 * form, and two ways past it: skip this question (a plain link to the next
 * screen) or skip the whole welcome (which is remembered).
 */
export function WelcomeScreen({
  step,
  title,
  intro,
  children,
}: {
  step: WelcomeStep;
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  const index = WELCOME_STEPS.indexOf(step);
  const next = WELCOME_STEPS[index + 1];
  return (
    <div className="mx-auto max-w-md">
      <p className={`text-sm font-medium ${mutedClass}`}>
        Welcome · {index + 1} of {WELCOME_STEPS.length}
      </p>
      <h1 className={`mt-1 ${headingClass}`}>{title}</h1>
      <div className="mt-3">{intro}</div>
      {children}
      <div className="mt-8 flex flex-wrap items-center gap-x-6 gap-y-2">
        {next && (
          <Link href={`/progress?welcome=${next}`} className={linkClass}>
            Skip this question
          </Link>
        )}
        <ActionForm
          action={answerWelcome}
          hidden={{ step: "skip" }}
          className=""
          buttons={<SubmitButton className={secondaryButtonClass}>Skip the welcome</SubmitButton>}
        />
      </div>
    </div>
  );
}
