import ICAL from "ical.js";

// Reads a calendar file with ical.js, a parser independent of the generator
// that wrote it (ical-generator): what a calendar app would understand.

export type ParsedInvitation = {
  method: string | null;
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  status: string | null;
  description: string | null;
};

export function parseInvitation(text: string): ParsedInvitation {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent");
  if (events.length !== 1) throw new Error(`expected one VEVENT, found ${events.length}`);
  const event = new ICAL.Event(events[0]!);
  const status = events[0]!.getFirstPropertyValue("status");
  const description = events[0]!.getFirstPropertyValue("description");
  const method = calendar.getFirstPropertyValue("method");
  return {
    method: method ? String(method) : null,
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    summary: event.summary,
    status: status ? String(status) : null,
    description: description ? String(description) : null,
  };
}
