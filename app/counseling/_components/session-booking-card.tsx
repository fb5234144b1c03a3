import {
  cancelSessionAction,
  moveSessionAction,
  takeOfferedTimeAction,
} from "@/lib/actions/session-booking";
import { JOIN_DETAIL_LABELS, JOIN_KIND_LABELS } from "@/lib/booking/rules";
import type { OfferedTimeView, PeopleBooking } from "@/lib/data/session-booking";
import { formatAppointmentIn } from "@/lib/time/format-in-zone";
import { SessionStateLine } from "@/components/booking/session-state-line";
import { ActionForm } from "@/components/forms/action-form";
import { RadioGroup } from "@/components/forms/radio-group";
import {
  cardClass,
  ownTextClass,
  secondaryButtonClass,
  sectionRuleClass,
  textClass,
} from "@/components/ui/styles";

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
export function SessionBookingCard({ booking }: { booking: PeopleBooking }) {
  const { session, offers, timeZone } = booking;
  if (!session && offers.length === 0) return null;
  return (
    <section aria-labelledby="first-session-heading" className={sectionRuleClass}>
      <h2 id="first-session-heading" className="text-xl font-semibold">
        Your first session
      </h2>
      {session ? (
        <div className={cardClass}>
          <p>
            <strong>{formatAppointmentIn(session.startsAt, timeZone)}</strong>,{" "}
            {session.lengthMinutes} minutes
          </p>
          <SessionStateLine state={session.state} />
          {session.joinKind && session.joinDetail ? (
            <p className={`mt-2 ${ownTextClass}`}>
              {JOIN_DETAIL_LABELS[session.joinKind]}: {session.joinDetail}
            </p>
          ) : null}
          {session.state === "booked" && booking.canChange ? (
            <>
              {offers.length > 0 ? (
                <ActionForm
                  action={moveSessionAction}
                  hidden={{ sessionId: session.id }}
                  submitLabel="Move to this time"
                  submitClassName={secondaryButtonClass}
                >
                  <RadioGroup
                    legend="Move to another time"
                    name="offeredTimeId"
                    choices={timeChoices(offers, timeZone)}
                  />
                </ActionForm>
              ) : null}
              <ActionForm
                action={cancelSessionAction}
                hidden={{ sessionId: session.id }}
                submitLabel="Cancel this appointment"
                submitClassName={secondaryButtonClass}
              />
            </>
          ) : null}
          {session.state === "booked" && !booking.canChange ? (
            <p className={textClass}>
              It is less than {booking.cutoffHours} hours away, so it can no longer be moved or
              cancelled here. To change it, please message your counselor.
            </p>
          ) : null}
        </div>
      ) : (
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
      )}
    </section>
  );
}
