import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NoticePage } from "@/components/ui/notice-page";
import { counselingChoice, withChoice } from "@/lib/counseling/entry-points";
import { requireUserWithReferral } from "@/app/counseling/_lib/own-referral";
import { IntakeForm } from "@/app/counseling/_components/intake-form";
import { textClass } from "@/components/ui/styles";
import type { QueryPageProps } from "@/lib/http/page-query";

export const metadata: Metadata = { title: "Your counseling request", robots: { index: false } };

export default async function IntakePage({ searchParams }: QueryPageProps) {
  const choice = counselingChoice((await searchParams).for);
  const { referral } = await requireUserWithReferral();
  if (!referral) redirect(withChoice("/counseling/screen", choice));
  if (referral.intakeSubmittedAt) redirect("/counseling");
  return (
    <NoticePage title="Your counseling request">
      <p className={textClass}>
        {choice === "me"
          ? "A few choices help the counseling team find the right counselor and time for you. You decide what they see."
          : "A few choices help the counseling team find the right counselor and time for you. You decide what they see; your partner sees none of it."}
      </p>
      {/* "For me" offers individual counseling only: the page never turns into a couples one. */}
      <IntakeForm couplesAllowed={referral.screenOutcome === "CLEAR" && choice !== "me"} />
    </NoticePage>
  );
}
