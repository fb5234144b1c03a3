import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getOwnReferral } from "@/lib/data/counseling-referrals";
import { IntakeForm } from "@/app/counseling/_components/intake-form";
import { headingClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Your counseling request", robots: { index: false } };

export default async function IntakePage() {
  const user = await requireUser();
  const referral = await getOwnReferral({ userId: user.id });
  if (!referral) redirect("/counseling/screen");
  if (referral.intakeSubmittedAt) redirect("/counseling");
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Your counseling request</h1>
      <p className={textClass}>
        A few choices help the counseling team find the right counselor and time for you. You decide
        what they see; your partner sees none of it.
      </p>
      <IntakeForm couplesAllowed={referral.screenOutcome === "CLEAR"} />
    </div>
  );
}
