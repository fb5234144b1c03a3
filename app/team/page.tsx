import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireTeamPage } from "@/lib/auth/team-access";
import { INBOX_FILTERS } from "@/lib/counseling/team";
import { INBOX_FILTER_LABELS } from "@/lib/counseling/team-labels";
import { listTeamInbox } from "@/lib/data/team-inbox";
import { inboxQuerySchema } from "@/lib/validations/team";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { SharedReferralDetails } from "@/app/team/_components/shared-referral-details";
import { StateBadge } from "@/app/team/_components/state-badge";
import {
  boxClass,
  headingClass,
  linkClass,
  mutedClass,
  secondaryButtonClass,
  textClass,
  tabLinkClass,
} from "@/components/ui/styles";
import type { QueryPageProps } from "@/lib/http/page-query";

// The counseling team's inbox: referrals with a submitted intake, newest first,
// one filter at a time, 25 per page. Only what each person agreed to share.
// Headers (no-store, noindex) come from the proxy for every /team path.
export const metadata: Metadata = { title: "Referral inbox" }; // noindex, nofollow: app/team/layout.tsx

export default async function TeamInboxPage({ searchParams }: QueryPageProps) {
  const { user, member } = await requireTeamPage();
  const params = await searchParams;
  const query = inboxQuerySchema.safeParse({
    filter: typeof params.filter === "string" ? params.filter : undefined,
    cursor: typeof params.cursor === "string" ? params.cursor : undefined,
  });
  const { filter, cursor } = query.success
    ? query.data
    : { filter: "new" as const, cursor: undefined };
  const page = await listTeamInbox({ userId: user.id, filter, cursor });
  if (!page) notFound();

  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className={headingClass}>Referral inbox</h1>
      <p className={mutedClass}>
        Signed in as {member.displayName ?? user.email} ({member.role}).
      </p>
      <p className={textClass}>
        {member.role === "coordinator"
          ? "You see every referral. Each shows only what the person agreed to share."
          : "New referrals and the ones you hold. Each shows only what the person agreed to share."}
      </p>
      <p className="mt-4">
        <Link href="/team/agenda" className={linkClass}>
          Your agenda: booked sessions and your calendar link
        </Link>
      </p>

      <nav aria-label="Filter referrals" className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {INBOX_FILTERS.map((name) => (
            <li key={name}>
              <Link
                href={name === "new" ? "/team" : `/team?filter=${name}`}
                aria-current={name === filter ? "page" : undefined}
                className={tabLinkClass}
              >
                {INBOX_FILTER_LABELS[name]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <h2 className="mt-8 text-xl font-semibold">
        {INBOX_FILTER_LABELS[filter]}
        {cursor ? <span className={`font-normal ${mutedClass}`}> (continued)</span> : null}
      </h2>
      {page.items.length === 0 ? (
        <p className={textClass}>Nothing here right now.</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {page.items.map((referral) => (
            <li key={referral.id} className={boxClass}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`/team/referrals/${referral.id}`} className={linkClass}>
                  Referral sent {formatDateTimeIn(referral.submittedAt, page.timeZone)}
                </Link>
                <StateBadge referral={referral} />
              </div>
              <SharedReferralDetails referral={referral} />
            </li>
          ))}
        </ol>
      )}

      <nav aria-label="Pages" className="mt-8 flex flex-wrap gap-3">
        {cursor ? (
          <Link
            href={filter === "new" ? "/team" : `/team?filter=${filter}`}
            className={secondaryButtonClass}
          >
            Back to the newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link
            href={`/team?${new URLSearchParams({ filter, cursor: page.nextCursor })}`}
            className={secondaryButtonClass}
          >
            Older referrals
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
