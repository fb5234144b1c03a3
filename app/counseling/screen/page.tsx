import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { submitSafetyScreen } from "@/lib/actions/counseling";
import { counselingChoice, withChoice } from "@/lib/counseling/entry-points";
import { getOwnReferral } from "@/lib/data/counseling-referrals";
import { SafetyScreenForm } from "@/app/counseling/_components/safety-screen-form";
import { headingClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "A few private questions", robots: { index: false } };

export default async function SafetyScreenPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const choice = counselingChoice((await searchParams).for);
  // Answered once per referral: the first answers decide, and cannot be retaken here.
  // After a closed request (withdrawn, or closed by the team) a new one starts here.
  const referral = await getOwnReferral({ userId: user.id });
  if (referral && !referral.closed) redirect(withChoice("/counseling", choice));
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>A few private questions</h1>
      {choice === "me" ? (
        <>
          <p className={textClass}>
            Before anything else, we ask everyone the same questions about safety at home. Nobody
            else sees these questions or your answers, and we do not keep your answers: only whether
            we should point you to extra support first.
          </p>
          <p className={textClass}>
            Answer for your partner or former partner, thinking of the past year.
          </p>
        </>
      ) : (
        <>
          <p className={textClass}>
            Before anything else, we ask everyone the same questions about safety at home. Your
            partner will never see these questions or your answers, and we do not keep your answers:
            only whether couples counseling is a safe next step.
          </p>
          <p className={textClass}>
            Answer for the partner you would invite, thinking of the past year.
          </p>
        </>
      )}
      <SafetyScreenForm action={submitSafetyScreen} choice={choice} />
    </div>
  );
}
