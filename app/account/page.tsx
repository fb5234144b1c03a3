import type { Metadata } from "next";
import { isRecentSignIn, requireUser } from "@/lib/auth/session";
import { signOutAction } from "@/lib/actions/auth";
import { signOutEverywhere } from "@/lib/actions/account";
import { getAccountProfile } from "@/lib/data/users";
import { DeleteAccountForm } from "@/app/account/_components/delete-account-form";
import { DisplayNameForm } from "@/app/account/_components/display-name-form";
import { ButtonForm } from "@/components/forms/button-form";
import { headingClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const sectionClass = "mt-10 border-t border-neutral-200 pt-6 dark:border-neutral-800";

export default async function AccountPage() {
  const user = await requireUser();
  const profile = await getAccountProfile({ userId: user.id });
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Your account</h1>
      <p className={textClass}>
        Signed in as <strong>{user.email}</strong>.
      </p>

      <section aria-labelledby="profile-heading" className={sectionClass}>
        <h2 id="profile-heading" className="text-xl font-semibold">
          Profile
        </h2>
        <DisplayNameForm name={profile?.name ?? ""} />
      </section>

      <section aria-labelledby="sessions-heading" className={sectionClass}>
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Sign out
        </h2>
        <div className="mt-4 flex flex-wrap gap-3">
          <ButtonForm action={signOutAction}>Sign out</ButtonForm>
          <ButtonForm action={signOutEverywhere}>Sign out of all devices</ButtonForm>
        </div>
      </section>

      <section id="delete" aria-labelledby="delete-heading" className={sectionClass}>
        <h2 id="delete-heading" className="text-xl font-semibold">
          Delete your account
        </h2>
        <p className={textClass}>
          This removes your account and everything in it, for good, and signs you out everywhere. It
          cannot be undone.
        </p>
        <DeleteAccountForm recentSignIn={isRecentSignIn(user)} />
      </section>
    </div>
  );
}
