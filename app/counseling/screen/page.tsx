import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { submitSafetyScreen } from "@/lib/actions/counseling";
import { getOwnReferral } from "@/lib/data/counseling-referrals";
import { SafetyScreenForm } from "@/app/counseling/_components/safety-screen-form";
import { headingClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "A few private questions", robots: { index: false } };

export default async function SafetyScreenPage() {
  const user = await requireUser();
  // Answered once per referral: the first answers decide, and cannot be retaken here.
  if (await getOwnReferral({ userId: user.id })) redirect("/counseling");
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>A few private questions</h1>
      <p className={textClass}>
        Before anything else, we ask everyone the same questions about safety at home. Your partner
        will never see these questions or your answers, and we do not keep your answers: only
        whether couples counseling is a safe next step.
      </p>
      <p className={textClass}>
        Answer for the partner you would invite, thinking of the past year.
      </p>
      <SafetyScreenForm action={submitSafetyScreen} />
    </div>
  );
}
