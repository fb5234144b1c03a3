import { describe, expect, it } from "vitest";
import { encryptField } from "@/lib/crypto/field-encryption";
import { sealedField, sealJson } from "@/lib/counseling/sealed-fields";
import { composeEmail } from "@/lib/email/compose-email";
import { partnerAcceptedEmail } from "@/lib/email/templates/partner-accepted";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";
import { partnerInvitationEmail } from "@/lib/email/templates/partner-invitation";

const appUrl = "https://heartwork.example";
const token = "T".repeat(43);

function invitationData(inviterName = "Sam") {
  return {
    invitationId: "inv1",
    inviterId: "user1",
    sendNumber: 0,
    inviterName,
    sealedToken: encryptField(token, sealedField.invitationEmail("user1", "inv1", 0)),
  };
}

describe("the invitation email", () => {
  it("is bland: who, to what, free first session, accept, decline and never-contact links from APP_URL", () => {
    const { subject, text, html } = composeEmail("partner-invitation", invitationData(), {
      appUrl,
    });
    expect(subject).toBe(INVITATION_SUBJECT);
    expect(subject).toBe("You have an invitation on Heartwork");
    expect(text).toContain("Sam invited you to start couples counseling together on Heartwork.");
    expect(text).toContain("The first session is free.");
    for (const choice of ["accept", "decline", "never"]) {
      expect(text).toContain(`${appUrl}/invitations/${token}?choice=${choice}`);
      expect(html).toContain(`${appUrl}/invitations/${token}?choice=${choice}`);
    }
    expect(text).toContain("Never contact me again");
    expect(`${subject} ${text}`).not.toMatch(/abuse|afraid|safety|screen|intake|tracker|mood/i);
    expect(html).not.toMatch(/<img|<script/i);
  });

  it("cannot be rendered from a token sealed for another invitation", () => {
    const data = {
      ...invitationData(),
      sealedToken: encryptField(token, sealedField.invitationEmail("user1", "other", 0)),
    };
    expect(() => composeEmail("partner-invitation", data, { appUrl })).toThrow();
  });

  it("keeps whatever the inviter typed as a name out of the subject", () => {
    const { subject, text } = composeEmail("partner-invitation", invitationData("Kim Lee"), {
      appUrl,
    });
    expect(subject).toBe(INVITATION_SUBJECT);
    expect(subject).not.toContain("Kim");
    expect(text).toContain("Kim Lee invited you to start couples counseling");
  });

  it("escapes the name in HTML", () => {
    const { html } = composeEmail("partner-invitation", invitationData("O'Neil"), { appUrl });
    expect(html).toContain("O&#39;Neil");
  });

  it("is rendered by its template from plain data alone: no key, no database", () => {
    const sealed = composeEmail("partner-invitation", invitationData(), { appUrl });
    expect(partnerInvitationEmail.render({ inviterName: "Sam", token }, { appUrl })).toEqual(
      sealed,
    );
    expect(
      partnerInvitationEmail.schema.safeParse({ inviterName: "Sam", token: "x" }).success,
    ).toBe(false);
  });
});

describe("the invitation email's closing time", () => {
  const expiresAt = "2026-12-12T23:30:00.000Z";

  it("is said in the invitee's own zone, named, when their account chose one", () => {
    const { text } = composeEmail(
      "partner-invitation",
      { ...invitationData(), expiresAt, timeZone: "Europe/Berlin" },
      { appUrl },
    );
    expect(text).toContain(
      "The invitation is open until Dec 13, 2026, 12:30 AM (Europe/Berlin time).",
    );
  });

  it("is said in UTC, named, for an address we know nothing about", () => {
    const { text } = composeEmail(
      "partner-invitation",
      { ...invitationData(), expiresAt, timeZone: "UTC" },
      { appUrl },
    );
    expect(text).toContain("The invitation is open until Dec 12, 2026, 11:30 PM (UTC).");
  });

  it("stays a duration for a row queued before the time was sent along", () => {
    const { text } = composeEmail("partner-invitation", invitationData(), { appUrl });
    expect(text).toContain("The invitation is open for 7 days.");
  });

  it("refuses a zone that is not one", () => {
    expect(
      partnerInvitationEmail.schema.safeParse({
        inviterName: "Sam",
        token,
        expiresAt,
        timeZone: "Mars/Base",
      }).success,
    ).toBe(false);
  });
});

describe("the accepted notice", () => {
  it("tells the inviter nothing but that the invitation was accepted", () => {
    const { subject, text } = partnerAcceptedEmail.render({}, { appUrl });
    expect(subject).toBe("Your Heartwork invitation was accepted");
    expect(text).toContain(`${appUrl}/counseling`);
  });
});

describe("the counseling team's intake email", () => {
  it("shows what was shared and nothing more", () => {
    const sealed = sealJson(
      {
        format: "COUPLES",
        focuses: [],
        note: null,
        preferredTimes: ["WEEKEND"],
        contact: { method: "PHONE", phone: "555 0100", safeToLeaveMessage: true },
      },
      sealedField.intakeEmail("u1", "r1"),
    );
    const { text } = composeEmail(
      "counseling-intake",
      { referralId: "r1", ownerId: "u1", sealed },
      { appUrl },
    );
    expect(text).toContain("reference r1");
    expect(text).toContain("chose not to share what they hope");
    expect(text).toContain("Contact by phone: 555 0100. A message may be left.");
    expect(text).not.toContain("In their words");
  });
});
