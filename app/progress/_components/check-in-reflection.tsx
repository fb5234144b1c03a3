import Link from "next/link";
import { HOTLINE } from "@/lib/safety";
import { HotlineLink } from "@/components/hotline-link";
import { boxClass, linkClass, mutedClass } from "@/components/ui/styles";
import { reflectOn, type CheckInAnswers } from "@/lib/tracker/reflection";

/** Said right after a check-in is saved: a kind word, one step to try today, and help when it is darkest. */
export function CheckInReflection({ answers }: { answers: CheckInAnswers }) {
  const { words, step, offerCrisisLines } = reflectOn(answers);
  return (
    <section aria-labelledby="reflection-heading" className={`mt-2 ${boxClass}`}>
      <h3 id="reflection-heading" className="font-semibold">
        A thought for today
      </h3>
      <p className="mt-1">{words}</p>
      {offerCrisisLines && (
        <div className="mt-3 rounded-md bg-neutral-100 p-3 dark:bg-neutral-900">
          <p>If it feels like too much right now, someone is there, any time, for free:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>
              988 Suicide &amp; Crisis Lifeline:{" "}
              <a href="tel:988" className={linkClass}>
                call 988
              </a>
              ,{" "}
              <a href="sms:988" className={linkClass}>
                text 988
              </a>{" "}
              or{" "}
              <a href="https://988lifeline.org/chat/" className={linkClass} rel="noreferrer">
                chat online
              </a>
              .
            </li>
            <li>
              Afraid of someone, or not safe at home? {HOTLINE.name}:{" "}
              <HotlineLink className={linkClass} />, or text START to{" "}
              <a href="sms:88788?body=START" className={linkClass}>
                88788
              </a>
              .
            </li>
          </ul>
        </div>
      )}
      <p className={`mt-3 text-sm font-medium ${mutedClass}`}>
        Step {step.number}: {step.title}
      </p>
      <p className="mt-1">{step.suggestion}</p>
      <p className="mt-2">
        <Link href={step.href} className={linkClass}>
          {step.linkLabel}
        </Link>
      </p>
    </section>
  );
}
