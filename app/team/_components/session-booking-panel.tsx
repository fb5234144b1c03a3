import {
  cancelTeamSessionAction,
  markSessionAction,
  offerSessionTimesAction,
} from "@/lib/actions/session-booking";
import {
  JOIN_DETAIL_MAX_LENGTH,
  JOIN_KINDS,
  JOIN_KIND_LABELS,
  SESSION_DEFAULT_MINUTES,
  SESSION_MAX_MINUTES,
  SESSION_MIN_MINUTES,
  hasEnded,
} from "@/lib/booking/rules";
import type { TeamBooking } from "@/lib/data/session-booking";
import { selectableTimeZones } from "@/lib/tracker/time-zones";
import { formatAppointmentIn } from "@/lib/time/format-in-zone";
import { OFFER_ROWS } from "@/lib/validations/booking";
import { SessionSummary } from "@/components/booking/session-summary";
import { ActionForm } from "@/components/forms/action-form";
import { SessionForm } from "@/components/booking/session-form";
import { Disclosure } from "@/components/ui/disclosure";
import { FlashStatus } from "@/components/ui/flash-status";
import { sessionConfirmation } from "@/lib/booking/confirmations";
import type { PageQuery } from "@/lib/http/page-query";
import { Fieldset } from "@/components/forms/fieldset";
import { RadioGroup } from "@/components/forms/radio-group";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { cardClass, sectionRuleClass, textClass } from "@/components/ui/styles";

/**
 * The holder's side of the first session: the booked session (cancel before
 * it starts, mark held or missed once it ended), the times still on offer, and
 * the form that offers 2 to 5 times in the counselor's own zone.
 */
export function SessionBookingPanel({
  referralId,
  booking,
  closed,
  now,
  flash,
}: {
  referralId: string;
  booking: TeamBooking;
  closed: boolean;
  now: Date;
  /** The page's `?session=` value: what the last cancel or mark did, its form being gone. */
  flash: PageQuery[string];
}) {
  const zone = booking.timeZone;
  const session = booking.session;
  const confirmation = sessionConfirmation("team", flash, session?.state ?? null);
  const bookable = !session || session.state === "missed";
  const offerFormOpen = bookable && booking.offers.length === 0;
  const offerHeading = !bookable
    ? "Offer other times"
    : session
      ? "Offer new times"
      : booking.offers.length > 0
        ? "Offer other times"
        : "Offer times";
  return (
    <section aria-labelledby="session-heading" className={sectionRuleClass}>
      <h2 id="session-heading" className="text-xl font-semibold">
        First session
      </h2>
      {confirmation ? <FlashStatus key={confirmation}>{confirmation}</FlashStatus> : null}
      {session ? (
        <div className={cardClass}>
          <SessionSummary session={session} timeZone={zone} />
          {session.state === "booked" && session.startsAt > now ? (
            <SessionForm
              action={cancelTeamSessionAction}
              sessionId={session.id}
              submitLabel="Cancel this session"
            />
          ) : null}
          {session.state === "booked" && hasEnded(session.startsAt, session.lengthMinutes, now) ? (
            <SessionForm action={markSessionAction} sessionId={session.id} submitLabel="Save">
              <RadioGroup
                legend="Did the session take place?"
                name="outcome"
                hint="The person sees this on their page."
                choices={[
                  { value: "held", label: "Yes, it was held" },
                  { value: "missed", label: "No, the person did not come" },
                ]}
              />
            </SessionForm>
          ) : null}
        </div>
      ) : (
        <p className={textClass}>Nothing is booked yet.</p>
      )}

      {booking.offers.length > 0 ? (
        <>
          <h3 className="mt-6 font-semibold">Times on offer</h3>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {booking.offers.map((offer) => (
              <li key={offer.id}>
                {formatAppointmentIn(offer.startsAt, zone)}, {offer.lengthMinutes} minutes,{" "}
                {JOIN_KIND_LABELS[offer.joinKind].toLowerCase()}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {closed || session?.state === "held" ? null : (
        // Open while there is nothing to take; once times stand or a session is
        // booked, a new offer is the exception, and folding its five rows keeps
        // the messages below within reach on a phone.
        <Disclosure className="mt-6" defaultOpen={offerFormOpen} summary={offerHeading}>
          <p className={textClass}>
            Offer 2 to 5 times in your own time zone. The person sees them in theirs and takes one.
            A new offer replaces the times nobody took.
          </p>
          <ActionForm
            action={offerSessionTimesAction}
            hidden={{ referralId }}
            submitLabel="Offer these times"
          >
            <SelectField
              label="Your time zone"
              name="timeZone"
              hint={booking.timeZoneSaved ? undefined : "Saved for your next offers."}
              defaultValue={zone}
              options={selectableTimeZones(zone).map((z) => ({
                value: z,
                label: z.replaceAll("_", " "),
              }))}
            />
            {OFFER_ROWS.map((n) => (
              <Fieldset
                key={n}
                legend={`Time ${n}${n > 2 ? " (optional)" : ""}`}
                className="grid gap-3 sm:grid-cols-3"
              >
                <TextField label="Date" name={`date${n}`} type="date" />
                <TextField label="Start" name={`time${n}`} type="time" />
                <TextField
                  label="Minutes"
                  name={`length${n}`}
                  inputMode="numeric"
                  defaultValue={String(SESSION_DEFAULT_MINUTES)}
                  hint={n === 1 ? `${SESSION_MIN_MINUTES} to ${SESSION_MAX_MINUTES}.` : undefined}
                />
              </Fieldset>
            ))}
            <RadioGroup
              legend="How the person joins"
              name="joinKind"
              defaultValue="video"
              choices={JOIN_KINDS.map((value) => ({ value, label: JOIN_KIND_LABELS[value] }))}
            />
            <TextField
              label="Video link, phone number or address"
              name="joinDetail"
              maxChars={JOIN_DETAIL_MAX_LENGTH}
              hint="Only the person, a partner who joined and you see this. It is stored encrypted and sent in the calendar invitation."
            />
          </ActionForm>
        </Disclosure>
      )}
    </section>
  );
}
