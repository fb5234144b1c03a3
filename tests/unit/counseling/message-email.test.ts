import { describe, expect, it } from "vitest";
import { composeEmail } from "@/lib/email/compose-email";
import {
  COUNSELING_MESSAGE_SUBJECT,
  counselingMessageEmail,
} from "@/lib/email/templates/counseling-message";

const appUrl = "https://heartwork.example";

describe("the new-message notice", () => {
  it("says only that there is a message, with a link to the reader's own page", () => {
    const links = {
      team: `${appUrl}/team/referrals/r1`,
      person: `${appUrl}/counseling`,
      partner: `${appUrl}/counseling/joined/r1`,
    } as const;
    for (const audience of ["team", "person", "partner"] as const) {
      const { subject, text, html } = composeEmail(
        "counseling-message",
        { audience, referralId: "r1" },
        { appUrl },
      );
      expect(subject).toBe(COUNSELING_MESSAGE_SUBJECT);
      expect(subject).toBe("You have a new message in Heartwork");
      expect(text).toContain(`${links[audience]}\n`);
      expect(html).toContain(`href="${links[audience]}"`);
      expect(text.replaceAll(/https:\/\/\S+/g, "")).not.toMatch(
        /counsel|referral|partner|therap|safety|abuse/i,
      );
      expect(html).not.toMatch(/<img|<script/i);
    }
  });

  it("accepts no other data: no name, no text can ride along", () => {
    expect(
      counselingMessageEmail.schema.safeParse({ audience: "person", referralId: "r1", text: "hi" })
        .success,
    ).toBe(false);
    expect(
      counselingMessageEmail.schema.safeParse({ audience: "person", referralId: "../x" }).success,
    ).toBe(false);
  });
});
