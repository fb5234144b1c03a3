import { formatAppointmentIn, formatDateIn } from "@/lib/time/format-in-zone";

// The steps a sent request goes through, as the person (and the partner who
// joined) see them: request sent → a counselor is reviewing → messages →
// closed. Pure, so the page and the unit tests share one copy of the rules.

export type StepState = "done" | "current" | "upcoming" | "skipped";
export type TimelineStep = {
  key: "sent" | "reviewing" | "messages" | "session" | "closed";
  title: string;
  detail: string;
  state: StepState;
};

export type TimelineFacts = {
  sentAt: Date;
  counselorName: string | null;
  hasMessages: boolean;
  closedAt: Date | null;
  /** The person's own view only; the partner is never told how a referral ended. */
  outcome?: string | null;
  /** The first session once one is booked (issue 15); the step shows only then. */
  session?: { state: "booked" | "cancelled" | "held" | "missed"; startsAt: Date } | null;
};

function sessionDetail(
  session: NonNullable<TimelineFacts["session"]>,
  timeZone: string,
): { title: string; detail: string } {
  const when = formatAppointmentIn(session.startsAt, timeZone);
  switch (session.state) {
    case "held":
      return { title: "First session held", detail: `It took place on ${when}.` };
    case "missed":
      return {
        title: "First session missed",
        detail: `It was booked for ${when}. Message your counselor to arrange another time.`,
      };
    case "booked":
    case "cancelled":
      return { title: "First session booked", detail: `${when}.` };
  }
}

/** How a closed request ended, in the person's words. */
export const OUTCOME_FOR_PERSON: Record<string, string> = {
  COUNSELING_STARTED: "Counseling has started.",
  REFERRED_ELSEWHERE: "Your counselor referred you to another service.",
  NO_RESPONSE: "The counseling team could not reach you.",
  WITHDRAWN: "You withdrew your request.",
  OTHER: "The counseling team closed your request.",
};

export function referralTimeline(facts: TimelineFacts, timeZone: string): TimelineStep[] {
  const closed = facts.closedAt !== null;
  const reviewed = facts.counselorName !== null;
  const later = (reached: boolean): StepState =>
    reached ? "done" : closed ? "skipped" : "upcoming";
  const session = facts.session && facts.session.state !== "cancelled" ? facts.session : null;
  const current = closed
    ? "closed"
    : session
      ? "session"
      : facts.hasMessages
        ? "messages"
        : reviewed
          ? "reviewing"
          : "sent";
  const steps: TimelineStep[] = [
    {
      key: "sent",
      title: "Request sent",
      detail: `Sent on ${formatDateIn(facts.sentAt, timeZone)}.`,
      state: "done",
    },
    {
      key: "reviewing",
      title: reviewed
        ? `${facts.counselorName} is reviewing your request`
        : "A counselor reviews your request",
      detail: reviewed
        ? "Your counselor will contact you the way you chose."
        : "Usually within two working days. You will see their first name here.",
      state: later(reviewed),
    },
    {
      key: "messages",
      title: "Messages",
      detail: facts.hasMessages
        ? "Your counselor has written to you on Heartwork."
        : "Your counselor can write to you here, on Heartwork.",
      state: later(facts.hasMessages),
    },
    ...(session
      ? [
          {
            key: "session" as const,
            ...sessionDetail(session, timeZone),
            state: "done" as StepState,
          },
        ]
      : []),
    {
      key: "closed",
      title: "Closed",
      detail: closed
        ? [
            `Closed on ${formatDateIn(facts.closedAt!, timeZone)}.`,
            ...(facts.outcome ? [OUTCOME_FOR_PERSON[facts.outcome] ?? ""] : []),
          ].join(" ")
        : "When counseling starts, or if the request ends another way.",
      state: closed ? "done" : "upcoming",
    },
  ];
  return steps.map((step) => (step.key === current ? { ...step, state: "current" } : step));
}
