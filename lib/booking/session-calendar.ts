import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { JOIN_DETAIL_LABELS, sessionEnd, type JoinKind } from "@/lib/booking/rules";

// The calendar file (RFC 5545) of a booked first session, made with
// ical-generator rather than by hand. Times are written in UTC ("…Z"): an
// instant every calendar shows in its reader's own zone, so nobody's copy can
// be off by a daylight-saving change we or they got wrong. The UID stays the
// same for the life of the session and SEQUENCE rises with every change, so a
// calendar replaces its entry (moved) or removes it (METHOD:CANCEL) instead of
// adding a second one. The summary is bland: no health words in a calendar
// that others may glance at.

export const SESSION_SUMMARY = "Heartwork appointment";
export const SESSION_ICS_FILENAME = "heartwork-appointment.ics";

export type SessionCalendarData = {
  uid: string;
  sequence: number;
  method: "REQUEST" | "CANCEL";
  startsAt: Date;
  lengthMinutes: number;
  joinKind: JoinKind;
  joinDetail: string | null;
  /** When this version was made (DTSTAMP). */
  stamp: Date;
};

export function sessionCalendar(data: SessionCalendarData, { appUrl }: { appUrl: string }): string {
  const host = new URL(appUrl).hostname;
  const calendar = ical({
    prodId: { company: "Heartwork", product: "Appointments", language: "EN" },
    method: data.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const join = data.joinDetail ? `${JOIN_DETAIL_LABELS[data.joinKind]}: ${data.joinDetail}` : null;
  calendar.createEvent({
    id: data.uid,
    sequence: data.sequence,
    stamp: data.stamp,
    start: data.startsAt,
    end: sessionEnd(data.startsAt, data.lengthMinutes),
    summary: SESSION_SUMMARY,
    description: join,
    location: data.joinKind === "address" ? data.joinDetail : null,
    url: data.joinKind === "video" ? safeUrl(data.joinDetail) : null,
    organizer: { name: "Heartwork", email: `no-reply@${host}` },
    status: data.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/** A video link only as a URL property when it is one (http or https); else it stays in the description. */
function safeUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export type AgendaFeedEvent = {
  uid: string;
  sequence: number;
  startsAt: Date;
  lengthMinutes: number;
  referralId: string;
};

/**
 * A counselor's private calendar feed (/team/agenda): every upcoming booked
 * session, with the same UID and SEQUENCE as the emailed invitations, so a
 * calendar that has both keeps one entry. No METHOD (a subscription, not an
 * invitation), times in UTC, the bland summary, and no join details: the link
 * lives in calendar apps and their servers, so it is treated as less private
 * than email (docs/booking.md). Each event links to the referral's page,
 * which opens only for the member past their passkey.
 */
export function agendaFeedCalendar(
  events: readonly AgendaFeedEvent[],
  { appUrl, stamp }: { appUrl: string; stamp: Date },
): string {
  const calendar = ical({
    prodId: { company: "Heartwork", product: "Agenda", language: "EN" },
    name: "Heartwork agenda",
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp,
      start: event.startsAt,
      end: sessionEnd(event.startsAt, event.lengthMinutes),
      summary: SESSION_SUMMARY,
      description: "How to join is on the referral's page in Heartwork.",
      url: new URL(`/team/referrals/${event.referralId}`, appUrl).toString(),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
