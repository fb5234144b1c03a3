import type { StepState, TimelineStep } from "@/lib/counseling/referral-timeline";
import { mutedClass, softClass } from "@/components/ui/styles";

// The request's steps as an ordered list. The current step carries
// aria-current="step" and says so in words, so a screen reader hears where
// the request stands; the dots are decoration only.

const SPOKEN: Record<StepState, string> = {
  done: "Done",
  current: "Current step",
  upcoming: "Not yet",
  skipped: "Not reached",
};

const DOT: Record<StepState, string> = {
  done: "border-brand-700 bg-brand-700 dark:border-brand-100 dark:bg-brand-100",
  current:
    "border-brand-700 bg-white ring-4 ring-brand-100 dark:border-brand-100 dark:bg-neutral-950 dark:ring-brand-800",
  upcoming: "border-neutral-300 bg-white dark:border-neutral-600 dark:bg-neutral-950",
  skipped: "border-neutral-300 bg-neutral-200 dark:border-neutral-600 dark:bg-neutral-800",
};

export function ReferralTimeline({ steps, label }: { steps: TimelineStep[]; label: string }) {
  const current = steps.find((step) => step.state === "current");
  return (
    <>
      {current ? (
        <p className={`mt-4 ${softClass}`}>
          Where it stands now: <strong>{current.title}</strong>.
        </p>
      ) : null}
      <ol aria-label={label} className="mt-6">
        {steps.map((step, index) => (
          <li
            key={step.key}
            aria-current={step.state === "current" ? "step" : undefined}
            className="relative flex gap-4 pb-6 last:pb-0"
          >
            {index < steps.length - 1 ? (
              <span
                aria-hidden="true"
                className="absolute top-6 left-[0.6875rem] h-[calc(100%-1.5rem)] w-0.5 bg-neutral-200 dark:bg-neutral-800"
              />
            ) : null}
            <span
              aria-hidden="true"
              className={`relative mt-1 size-6 shrink-0 rounded-full border-2 ${DOT[step.state]}`}
            />
            <div className="min-w-0">
              <p className={step.state === "current" ? "font-semibold" : "font-medium"}>
                {step.title}
                <span className="sr-only">. {SPOKEN[step.state]}.</span>
              </p>
              <p className={`mt-1 text-sm ${step.state === "current" ? softClass : mutedClass}`}>
                <span aria-hidden="true" className="font-medium">
                  {SPOKEN[step.state]}
                  {" · "}
                </span>
                {step.detail}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
