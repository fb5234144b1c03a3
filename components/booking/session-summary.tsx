import type { SessionState } from "@/lib/booking/rules";
import { JOIN_DETAIL_LABELS } from "@/lib/booking/rules";
import type { SessionView } from "@/lib/data/session-booking";
import { formatAppointmentIn } from "@/lib/time/format-in-zone";
import { mutedClass, ownTextClass } from "@/components/ui/styles";

const STATE_WORDS: Record<SessionState, string> = {
  booked: "Booked",
  cancelled: "Cancelled",
  held: "Took place",
  missed: "Missed",
};

/**
 * The session as both sides see it, the same on the person's and the team's
 * pages: when (in the reader's zone, zone named), how long, its state in words
 * and, while it is booked, how to join.
 */
export function SessionSummary({ session, timeZone }: { session: SessionView; timeZone: string }) {
  return (
    <>
      <p>
        <strong>{formatAppointmentIn(session.startsAt, timeZone)}</strong>, {session.lengthMinutes}{" "}
        minutes
      </p>
      <p className={`mt-1 ${mutedClass}`}>{STATE_WORDS[session.state]}</p>
      {session.joinKind && session.joinDetail ? (
        <p className={`mt-2 ${ownTextClass}`}>
          {JOIN_DETAIL_LABELS[session.joinKind]}: {session.joinDetail}
        </p>
      ) : null}
    </>
  );
}
