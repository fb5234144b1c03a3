import {
  cancelSessionAction,
  moveSessionAction,
  takeOfferedTimeAction,
} from "@/lib/actions/session-booking";
import { JOIN_KIND_LABELS } from "@/lib/booking/rules";
import type { OfferedTimeView, PeopleBooking } from "@/lib/data/session-booking";
import { formatAppointmentIn } from "@/lib/time/format-in-zone";
import { SessionSummary } from "@/components/booking/session-summary";
import { ActionForm } from "@/components/forms/action-form";
import { SessionForm } from "@/components/booking/session-form";
import { FlashStatus } from "@/components/ui/flash-status";
import { sessionConfirmation } from "@/lib/booking/confirmations";
import type { PageQuery } from "@/lib/http/page-query";
import { RadioGroup } from "@/components/forms/radio-group";
import { cardClass, sectionRuleClass, textClass } from "@/components/ui/styles";

function timeChoices(offers: OfferedTimeView[], timeZone: string) {
  return offers.map((offer) => ({
    value: offer.id,
    label: `${formatAppointmentIn(offer.startsAt, timeZone)}, ${offer.lengthMinutes} minutes, ${JOIN_KIND_LABELS[offer.joinKind].toLowerCase()}`,
  }));
}

/**
 * The first session on the person's (or the joined partner's) counseling
 * page: the times offered, in their own zone with the zone named, to take
 * one; then the booked session with how to join, to move or cancel it until
 * the cutoff, after which the page says to message the counselor.
 */
export function SessionBookingCard({
  booking,
  flash,
}: {
  booking: PeopleBooking;
  /** The page's `?session=` value: what the last take, move or cancel did, its form being gone. */
  flash: PageQuery[string];
}) {
  const { session, offers, timeZone } = booking;
  const confirmation = sessionConfirmation("people", flash, session?.state ?? null);
  if (!session && offers.length === 0 && !confirmation) return null;
  return (
    <section aria-labelledby="first-session-heading" className={sectionRuleClass}>
      <h2 id="first-session-heading" className="text-xl font-semibold">
        Your first session
      </h2>
      {confirmation ? <FlashStatus key={confirmation}>{confirmation}</FlashStatus> : null}
      {session ? (
        <div className={cardClass}>
          <SessionSummary session={session} timeZone={timeZone} />
          {session.state === "booked" && booking.canChange ? (
            <>
              {offers.length > 0 ? (
                <SessionForm
                  action={moveSessionAction}
                  sessionId={session.id}
                  submitLabel="Move to this time"
                >
                  <RadioGroup
                    legend="Move to another time"
                    name="offeredTimeId"
                    choices={timeChoices(offers, timeZone)}
                  />
                </SessionForm>
              ) : null}
              <SessionForm
                action={cancelSessionAction}
                sessionId={session.id}
                submitLabel="Cancel this appointment"
              />
            </>
          ) : null}
          {session.state === "booked" && !booking.canChange ? (
            <p className={textClass}>
              It is less than {booking.cutoffHours} hours away, so it can no longer be moved or
              cancelled here. To change it, please message your counselor.
            </p>
          ) : null}
          {session.state === "missed" && offers.length === 0 ? (
            <p className={textClass}>To arrange another time, please message your counselor.</p>
          ) : null}
        </div>
      ) : null}
      {(!session || session.state === "missed") && offers.length > 0 ? (
        <>
          <p className={textClass}>
            Your counselor offered these times. They are shown in your time zone. If none suits you,
            ask for other times in your messages.
          </p>
          <ActionForm action={takeOfferedTimeAction} submitLabel="Take this time">
            <RadioGroup
              legend="Choose a time"
              name="offeredTimeId"
              choices={timeChoices(offers, timeZone)}
            />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}
