import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireTeamPage } from "@/lib/auth/team-access";
import { JOIN_KIND_LABELS } from "@/lib/booking/rules";
import { getSessionRemindersEnabled } from "@/lib/data/session-reminders";
import { readTeamAgenda } from "@/lib/data/team-agenda";
import { formatDayLong } from "@/lib/tracker/calendar-day";
import { formatClockIn, formatDateTimeIn, zonePlaceName } from "@/lib/time/format-in-zone";
import { AgendaFeedPanel } from "@/app/team/agenda/_components/agenda-feed-panel";
import { AppointmentRemindersForm } from "@/app/team/agenda/_components/appointment-reminders-form";
import { TeamSubpage } from "@/app/team/_components/team-subpage";
import {
  boxClass,
  linkClass,
  mutedClass,
  sectionRuleClass,
  textClass,
} from "@/components/ui/styles";

// The signed-in counselor's upcoming sessions, by day in their own zone, each
// linking to its referral's page, and the private calendar feed of the same
// sessions. Only the member's own sessions (lib/data/team-agenda.ts); anyone
// else meets the team's plain 404. Headers (no-store, noindex) come from the
// proxy for every /team path.
export const metadata: Metadata = { title: "Your agenda" }; // noindex, nofollow: app/team/layout.tsx

export default async function TeamAgendaPage() {
  const { user } = await requireTeamPage();
  const [agenda, remindersEnabled] = await Promise.all([
    readTeamAgenda({ userId: user.id }),
    getSessionRemindersEnabled({ userId: user.id }),
  ]);
  if (!agenda) notFound();
  const zone = agenda.timeZone;

  return (
    <TeamSubpage title="Your agenda">
      <p className={textClass}>
        Your booked sessions that have not ended yet. Times are in {zonePlaceName(zone)} ({zone}
        ), the zone you offer times in.
      </p>

      {agenda.days.length === 0 ? (
        <p className={textClass}>No sessions are booked with you yet.</p>
      ) : (
        <ol className="mt-6 space-y-6" aria-label="Sessions by day">
          {agenda.days.map(({ day, sessions }) => (
            <li key={day}>
              <h2 className="text-xl font-semibold">{formatDayLong(day)}</h2>
              <ul className="mt-3 space-y-3">
                {sessions.map((session) => (
                  <li key={session.id} className={boxClass}>
                    <p>
                      <Link href={`/team/referrals/${session.referralId}`} className={linkClass}>
                        {formatClockIn(session.startsAt, zone)}–
                        {formatClockIn(session.endsAt, zone)}, {zonePlaceName(zone)}
                      </Link>
                    </p>
                    <p className={`mt-1 ${mutedClass}`}>
                      {session.lengthMinutes} minutes
                      {session.joinKind ? ` · ${JOIN_KIND_LABELS[session.joinKind]}` : ""}
                      {session.format === "COUPLES"
                        ? " · Couples"
                        : session.format === "INDIVIDUAL"
                          ? " · Individual"
                          : ""}
                    </p>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}

      <AgendaFeedPanel
        madeAt={agenda.feed?.createdAt.toISOString() ?? null}
        madeOn={agenda.feed ? formatDateTimeIn(agenda.feed.createdAt, zone) : null}
      />

      <section aria-labelledby="reminders-heading" className={sectionRuleClass}>
        <h2 id="reminders-heading" className="text-xl font-semibold">
          Appointment reminders
        </h2>
        <p className={textClass}>
          A day and an hour before each of your sessions, by email, with the time in{" "}
          {zonePlaceName(zone)}. The same setting as the appointment box on your tracker&rsquo;s
          Reminders page: changing it here changes it there.
        </p>
        <AppointmentRemindersForm enabled={remindersEnabled} />
      </section>
    </TeamSubpage>
  );
}
