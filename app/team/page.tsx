import type { Metadata } from "next";
import { requireTeamPage } from "@/lib/auth/team-access";
import { headingClass, pageClass, textClass } from "@/components/ui/styles";

// A placeholder for the team's inbox (built separately): it only says who is
// signed in, behind the same door as every team page.

export const metadata: Metadata = { title: "Counseling team", robots: { index: false } };

export default async function TeamPage() {
  const { user, member } = await requireTeamPage();
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Counseling team</h1>
      <p className={textClass}>
        Signed in as {member.displayName ?? user.email} ({member.role}).
      </p>
    </div>
  );
}
