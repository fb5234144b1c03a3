import type { Metadata } from "next";
import { isRecentSignIn, requireUser } from "@/lib/auth/session";
import type { QueryPageProps } from "@/lib/http/page-query";
import { ButtonForm } from "@/components/forms/button-form";
import { buttonClass, cardClass } from "@/components/ui/styles";
import { FreshSignInForm } from "@/app/progress/_components/fresh-sign-in-form";

export const metadata: Metadata = { title: "Export your tracker", robots: { index: false } };

export default async function ExportPage({ searchParams }: QueryPageProps) {
  const user = await requireUser();
  const recent = isRecentSignIn(user);
  const askedAgain = (await searchParams).fresh === "required";

  return (
    <div>
      <h1 className="text-3xl font-bold">Export your tracker</h1>
      <p className="mt-2">
        Your data is yours. The JSON file holds everything in your tracker: check-ins and notes,
        memories, goals, new things you tried, people you reached out to, hard dates and settings,
        and your counseling request and invitations if you made any. The CSV file holds your
        check-ins, one row a day, ready for a spreadsheet. Both files contain your private notes in
        plain text, so keep them somewhere safe.
      </p>
      {recent ? (
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonForm action="/progress/export/json" buttonClassName={buttonClass}>
            Download everything (JSON)
          </ButtonForm>
          <ButtonForm action="/progress/export/csv">Download check-ins (CSV)</ButtonForm>
        </div>
      ) : (
        <div className={cardClass}>
          <p role={askedAgain ? "alert" : undefined}>
            For your safety, exporting needs a sign-in from the last 10 minutes. We will email you a
            fresh link that brings you back here.
          </p>
          <FreshSignInForm />
        </div>
      )}
    </div>
  );
}
