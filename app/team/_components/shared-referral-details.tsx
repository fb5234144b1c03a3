import type { ReactNode } from "react";
import {
  COUNSELING_FOCUSES,
  COUNSELING_TIMES,
  type CounselingFocus,
  type CounselingTime,
} from "@/lib/counseling/intake";
import type { SharedReferral } from "@/lib/data/team-referral-view";
import { mutedClass, ownTextClass } from "@/components/ui/styles";

/** The intake's choices are in the person's words ("with my partner"); the team reads these. */
const FORMAT_FOR_TEAM = { COUPLES: "Couples", INDIVIDUAL: "Individual" } as const;

const termClass = `text-sm font-semibold ${mutedClass}`;

/**
 * What the person agreed to share, and nothing else: the data function has
 * already dropped what was not shared, so an absent field reads "Not shared".
 */
export function SharedReferralDetails({ referral }: { referral: SharedReferral }) {
  const rows: { term: string; value: ReactNode }[] = [
    {
      term: "Counseling",
      value: referral.format ? FORMAT_FOR_TEAM[referral.format] : "Not given",
    },
  ];
  if (referral.format === "COUPLES") {
    rows.push({
      term: "Partner",
      value: referral.partnerJoined ? "Has joined" : "Has not joined yet",
    });
  }
  rows.push(
    {
      term: "Focuses",
      value:
        referral.focuses.length > 0
          ? referral.focuses.map((f) => COUNSELING_FOCUSES[f as CounselingFocus] ?? f).join("; ")
          : "Not shared",
    },
    {
      term: "Note",
      value: referral.note ? <span className={ownTextClass}>{referral.note}</span> : "Not shared",
    },
    {
      term: "Preferred times",
      value:
        referral.preferredTimes.length > 0
          ? referral.preferredTimes
              .map((t) => COUNSELING_TIMES[t as CounselingTime] ?? t)
              .join(", ")
          : "Any time",
    },
    {
      term: "Contact",
      value: referral.contactMethod
        ? referral.contactMethod === "PHONE"
          ? "By phone"
          : "By email: write to them here, in Heartwork"
        : "Not given",
    },
  );
  if (referral.contactMethod === "PHONE") {
    rows.push(
      { term: "Phone", value: referral.phone ?? "Erased" },
      {
        term: "May leave a message",
        value: referral.safeToLeaveMessage ? "Yes" : "No: do not leave a message",
      },
    );
  }
  return (
    <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
      {rows.map((row) => (
        <div key={row.term} className="contents">
          <dt className={termClass}>{row.term}</dt>
          <dd className="mb-1 sm:mb-0">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
