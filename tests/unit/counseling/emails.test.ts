import { describe, expect, it } from "vitest";
import { encryptField } from "@/lib/crypto/field-encryption";
import { sealedField, sealJson } from "@/lib/counseling/sealed-fields";
import { composeEmail } from "@/lib/email/compose-email";
import { counselingPartnerJoinedEmail } from "@/lib/email/templates/counseling-partner-joined";
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

/** Words that must never be in a bland email's subject or text (links aside). */
const TELLING = /counsel|therap|couple|partner|health|abuse|safety|note|phone|\bname\b/i;
const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, "");

describe("the counseling team's intake email", () => {
  it("says only that a referral is waiting: no reference, no personal data", () => {
    const { subject, text, html } = composeEmail("counseling-intake", {}, { appUrl });
    expect(subject).toBe("A new referral is waiting in the Heartwork inbox");
    expect(text).toContain(`${appUrl}/team`);
    expect(withoutLinks(text)).not.toMatch(TELLING);
    expect(html).not.toMatch(/@|reference/i);
  });

  it("renders mail queued before the change the same bland way, never opening its sealed intake", () => {
    const sealed = sealJson(
      {
        format: "COUPLES",
        focuses: [],
        note: "a private note",
        preferredTimes: ["WEEKEND"],
        contact: { method: "PHONE", phone: "555 0100", safeToLeaveMessage: true },
      },
      sealedField.intakeEmail("u1", "r1"),
    );
    const old = composeEmail(
      "counseling-intake",
      { referralId: "r1", ownerId: "u1", sealed },
      { appUrl },
    );
    expect(old).toEqual(composeEmail("counseling-intake", {}, { appUrl }));
    expect(old.text).not.toContain("555 0100");
    expect(old.text).not.toContain("a private note");
  });
});

describe("the counseling team's partner-joined email", () => {
  it("says only that a referral changed: never the partner's address, no reference", () => {
    const { subject, text, html } = composeEmail("counseling-partner-joined", {}, { appUrl });
    expect(subject).toBe("A referral in the Heartwork inbox was updated");
    expect(text).toContain(`${appUrl}/team`);
    expect(`${subject}\n${withoutLinks(text)}`).not.toMatch(TELLING);
    expect(html).not.toMatch(/@|reference/i);
  });

  it("refuses an address in its data", () => {
    expect(
      counselingPartnerJoinedEmail.schema.safeParse({ email: "partner@example.org" }).success,
    ).toBe(false);
  });

  it("renders mail queued before the change the same bland way, never opening the sealed address", () => {
    const sealed = sealJson(
      { email: "partner@example.org" },
      sealedField.partnerJoinedEmail("p1", "r1"),
    );
    const old = composeEmail(
      "counseling-partner-joined",
      { referralId: "r1", partnerId: "p1", sealed },
      { appUrl },
    );
    expect(old).toEqual(composeEmail("counseling-partner-joined", {}, { appUrl }));
    expect(`${old.subject}${old.text}${old.html}`).not.toContain("partner@example.org");
  });
});

describe("the person's receipt", () => {
  it("is bland: no health words, no names, a link to the counseling page", () => {
    const { subject, text } = composeEmail("counseling-request-received", {}, { appUrl });
    expect(subject).toBe("We received your request");
    expect(text).toContain(`${appUrl}/counseling`);
    expect(`${subject}\n${withoutLinks(text)}`).not.toMatch(TELLING);
  });
});
