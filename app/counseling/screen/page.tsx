import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NoticePage } from "@/components/ui/notice-page";
import { submitSafetyScreen } from "@/lib/actions/counseling";
import { counselingChoice, withChoice } from "@/lib/counseling/entry-points";
import { requireUserWithReferral } from "@/app/counseling/_lib/own-referral";
import { SafetyScreenForm } from "@/app/counseling/_components/safety-screen-form";
import { textClass } from "@/components/ui/styles";
import type { QueryPageProps } from "@/lib/http/page-query";

export const metadata: Metadata = { title: "A few private questions", robots: { index: false } };

export default async function SafetyScreenPage({ searchParams }: QueryPageProps) {
  const choice = counselingChoice((await searchParams).for);
  // Answered once per referral: the first answers decide, and cannot be retaken here.
  // After a closed request (withdrawn, or closed by the team) a new one starts here.
  const { referral } = await requireUserWithReferral();
  if (referral && !referral.closed) redirect(withChoice("/counseling", choice));
  return (
    <NoticePage title="A few private questions">
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
    </NoticePage>
  );
}
