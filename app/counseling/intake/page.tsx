import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { counselingChoice, withChoice } from "@/lib/counseling/entry-points";
import { getOwnReferral } from "@/lib/data/counseling-referrals";
import { IntakeForm } from "@/app/counseling/_components/intake-form";
import { headingClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Your counseling request", robots: { index: false } };

export default async function IntakePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const choice = counselingChoice((await searchParams).for);
  const referral = await getOwnReferral({ userId: user.id });
  if (!referral) redirect(withChoice("/counseling/screen", choice));
  if (referral.intakeSubmittedAt) redirect("/counseling");
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Your counseling request</h1>
      <p className={textClass}>
        {choice === "me"
          ? "A few choices help the counseling team find the right counselor and time for you. You decide what they see."
          : "A few choices help the counseling team find the right counselor and time for you. You decide what they see; your partner sees none of it."}
      </p>
      {/* "For me" offers individual counseling only: the page never turns into a couples one. */}
      <IntakeForm couplesAllowed={referral.screenOutcome === "CLEAR" && choice !== "me"} />
    </div>
  );
}
