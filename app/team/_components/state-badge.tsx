import type { SharedReferral } from "@/lib/data/team-referral-view";

const badgeClass =
  "inline-block rounded-full border px-2 py-0.5 text-sm font-medium border-neutral-300 dark:border-neutral-700";

/** Where a referral stands, in words (never colour alone). */
export function StateBadge({ referral }: { referral: SharedReferral }) {
  const text =
    referral.state === "NEW"
      ? "New"
      : referral.state === "CLOSED"
        ? "Closed"
        : referral.claimedByMe
          ? "Claimed by you"
          : `Claimed by ${referral.claimedByName ?? "a team member"}`;
  return <span className={badgeClass}>{text}</span>;
}
