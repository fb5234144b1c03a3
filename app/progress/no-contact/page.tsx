import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listSlips } from "@/lib/data/check-ins";
import { loadProgressDashboard } from "@/lib/data/progress-dashboard";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDayLong, todayIn } from "@/lib/tracker/calendar-day";
import { computeNoContactCounter } from "@/lib/tracker/no-contact";
import { NoContactSummary } from "@/app/progress/_components/no-contact-summary";
import { mutedClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";

export const metadata: Metadata = { title: "No contact", robots: { index: false } };

export default async function NoContactPage() {
  const user = await requireUser();
  const { timeZone } = await getTrackerSettings({ userId: user.id });
  const today = todayIn(timeZone);
  const [dashboard, slips] = await Promise.all([
    loadProgressDashboard({ userId: user.id, today, chartDays: 1 }),
    listSlips({ userId: user.id }),
  ]);
  const counter = computeNoContactCounter(dashboard.contact, today);

  return (
    <div>
      <h1 className="text-3xl font-bold">No contact</h1>
      <p className="mt-2">
        Staying in touch is a habit, and habits can be broken, one day at a time. The counter comes
        from your check-ins. When they reached out, that is not counted against you; only contact
        you chose is.
      </p>
      <NoContactSummary counter={counter} />

      <Section id="slips" title="Days with contact">
        {slips.length === 0 ? (
          <p className="mt-2">None so far.</p>
        ) : (
          <>
            <p className={`mt-2 ${mutedClass}`}>
              These are here to help you notice patterns, not to judge. What led to contact often
              repeats: a song, a late night, a photo.
            </p>
            <ul className="mt-3 divide-y divide-neutral-200 dark:divide-neutral-800">
              {slips.map((slip) => (
                <li key={slip.day} className="py-2">
                  <p className="font-medium">{formatDayLong(slip.day)}</p>
                  <p className={mutedClass}>{slip.trigger ?? "No note about what led to it."}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </div>
  );
}
