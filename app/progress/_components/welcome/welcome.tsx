import { answerWelcome } from "@/lib/actions/welcome";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { secondaryButtonClass, softClass } from "@/components/ui/styles";
import { BreakupDateField, ZoneField } from "@/app/progress/_components/settings-form";
import { WelcomeScreen } from "@/app/progress/_components/welcome/welcome-screen";
import { selectableTimeZones } from "@/lib/tracker/time-zones";
import { WELCOME_STEPS, type WelcomeStep } from "@/lib/validations/welcome";

/** The screen asked for by `?welcome=`, the first one otherwise. */
export function welcomeStep(asked: unknown): WelcomeStep {
  return WELCOME_STEPS.find((step) => step === asked) ?? "zone";
}

/**
 * The first visit to /progress: three short screens, each skippable, each a
 * plain form (they work with JavaScript off; with it, the zone is the one the
 * browser reports).
 */
export function Welcome({
  step,
  timeZone,
  breakupDate,
}: {
  step: WelcomeStep;
  timeZone: string;
  breakupDate: string | null;
}) {
  if (step === "zone") {
    return (
      <WelcomeScreen
        step="zone"
        title="When does your day start?"
        intro={
          <p className={softClass}>
            Welcome. Your check-ins follow your own days, so &ldquo;today&rdquo; should begin at
            your midnight. We have picked the time zone your device reports.
          </p>
        }
      >
        <ActionForm action={answerWelcome} hidden={{ step: "zone" }} submitLabel="Continue">
          <ZoneField
            timeZone={timeZone}
            configured={false}
            timeZones={selectableTimeZones(timeZone)}
          />
        </ActionForm>
      </WelcomeScreen>
    );
  }
  if (step === "breakup") {
    return (
      <WelcomeScreen
        step="breakup"
        title="When did it end?"
        intro={
          <p className={softClass}>
            Only if you want to: it lets us show how much time you have given yourself. You can
            leave it empty or change it later.
          </p>
        }
      >
        <ActionForm action={answerWelcome} hidden={{ step: "breakup" }} submitLabel="Continue">
          <BreakupDateField breakupDate={breakupDate} />
        </ActionForm>
      </WelcomeScreen>
    );
  }
  return (
    <WelcomeScreen
      step="reminders"
      title="A gentle reminder?"
      intro={
        <p className={softClass}>
          A short daily email at a time you choose can help you keep checking in. It never names
          anyone or says how you feel, you can stop it with one click, and it is off unless you say
          yes.
        </p>
      }
    >
      <ActionForm
        action={answerWelcome}
        hidden={{ step: "reminders" }}
        buttons={
          <>
            <SubmitButton name="reminders" value="yes">
              Yes, set up reminders
            </SubmitButton>
            <SubmitButton name="reminders" value="no" className={secondaryButtonClass}>
              Not now
            </SubmitButton>
          </>
        }
      />
    </WelcomeScreen>
  );
}
