import { describe, expect, it } from "vitest";
import {
  PEOPLE_CONFIRMATIONS,
  TEAM_CONFIRMATIONS,
  confirmationPage,
  sessionConfirmation,
} from "@/lib/booking/confirmations";

// After a take, move, cancel or mark the form that did it leaves the page, so
// the action redirects to the actor's own page with ?session=<change> and the
// page says it (issue 15).

describe("the page a booking change is confirmed on", () => {
  it("is the actor's own: the person's, the joined partner's or the holder's", () => {
    expect(confirmationPage({ referralId: "r1", side: "person" }, "booked")).toBe(
      "/counseling?session=booked",
    );
    expect(confirmationPage({ referralId: "r1", side: "partner" }, "moved")).toBe(
      "/counseling/joined/r1?session=moved",
    );
    expect(confirmationPage({ referralId: "r1", side: "team" }, "held")).toBe(
      "/team/referrals/r1?session=held",
    );
  });
});

describe("what the page says for its ?session= value", () => {
  it("says each change while the session still stands as it left it", () => {
    expect(sessionConfirmation("people", "booked", "booked")).toBe(PEOPLE_CONFIRMATIONS.booked);
    expect(sessionConfirmation("people", "moved", "booked")).toBe(PEOPLE_CONFIRMATIONS.moved);
    expect(sessionConfirmation("people", "cancelled", null)).toBe(PEOPLE_CONFIRMATIONS.cancelled);
    expect(sessionConfirmation("team", "cancelled", null)).toBe(TEAM_CONFIRMATIONS.cancelled);
    expect(sessionConfirmation("team", "held", "held")).toBe(TEAM_CONFIRMATIONS.held);
    expect(sessionConfirmation("team", "missed", "missed")).toBe(TEAM_CONFIRMATIONS.missed);
  });

  it("says nothing untrue when an old link is reopened after a later change", () => {
    expect(sessionConfirmation("people", "booked", null)).toBeNull();
    expect(sessionConfirmation("people", "cancelled", "booked")).toBeNull();
    expect(sessionConfirmation("team", "held", "missed")).toBeNull();
  });

  it("says nothing for a value that is not a change of that side, or is not one value", () => {
    expect(sessionConfirmation("people", "held", "held")).toBeNull();
    expect(sessionConfirmation("team", "booked", "booked")).toBeNull();
    expect(sessionConfirmation("people", "toString", "booked")).toBeNull();
    expect(sessionConfirmation("people", ["booked", "booked"], "booked")).toBeNull();
    expect(sessionConfirmation("people", undefined, "booked")).toBeNull();
  });
});
