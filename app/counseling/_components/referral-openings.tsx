import type { ReferralOpening } from "@/lib/data/referral-access-log";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { mutedClass, softClass } from "@/components/ui/styles";

/** "Who opened my file": every opening by the counseling team, newest first, in the person's zone. */
export function ReferralOpenings({
  openings,
  timeZone,
  sectionClass,
}: {
  openings: ReferralOpening[];
  timeZone: string;
  sectionClass: string;
}) {
  return (
    <section aria-labelledby="openings-heading" className={sectionClass}>
      <h2 id="openings-heading" className="text-xl font-semibold">
        Who opened your file
      </h2>
      <p className={`mt-2 ${softClass}`}>
        Each time someone on the counseling team opens this request, it is recorded and listed here.
      </p>
      {openings.length === 0 ? (
        <p className={`mt-4 ${mutedClass}`}>Nobody on the counseling team has opened it yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-neutral-200 dark:divide-neutral-800">
          {openings.map((opening, index) => (
            <li
              key={`${opening.openedAt.toISOString()}-${index}`}
              className="flex flex-wrap justify-between gap-x-4 py-2"
            >
              <span className="font-medium">{opening.name}</span>
              <span className={mutedClass}>{formatDateTimeIn(opening.openedAt, timeZone)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
