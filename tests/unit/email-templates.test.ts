import { describe, expect, it } from "vitest";
import { emailTemplates } from "@/lib/email/templates";
import { escapeHtml } from "@/lib/email/templates/layout";

const appUrl = "https://heartwork.example";
const HEALTH_WORDS =
  /therap|counsel|breakup|broken heart|abuse|mood|journal|depress|anxi|miss (him|her)/i;

describe("the sign-in email", () => {
  const mail = emailTemplates["sign-in"].render(
    { path: "/signin/confirm?token=abc&email=a%40b.example&callbackUrl=%2Faccount" },
    { appUrl },
  );

  it("links to our confirmation page on the configured origin, in text and HTML", () => {
    const link = `${appUrl}/signin/confirm?token=abc&email=a%40b.example&callbackUrl=%2Faccount`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(escapeHtml(link));
    expect(mail.html).not.toContain("/api/auth/callback");
  });

  it("says nothing about health or why someone uses Heartwork", () => {
    expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toMatch(HEALTH_WORDS);
  });

  it("says how long the link works", () => {
    expect(mail.text).toMatch(/10 minutes/);
  });

  it("refuses data that would point anywhere but the confirmation page", () => {
    const schema = emailTemplates["sign-in"].schema;
    expect(schema.safeParse({ path: "https://evil.example/" }).success).toBe(false);
    expect(schema.safeParse({ path: "/signin/confirm?x", extra: 1 }).success).toBe(false);
  });
});

describe(escapeHtml, () => {
  it("escapes the five HTML special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});

describe("the reminder email", () => {
  const token = "A".repeat(43);
  const daily = emailTemplates.reminder.render({ kind: "daily", token }, { appUrl });
  const headsUp = emailTemplates.reminder.render({ kind: "hard-date", token }, { appUrl });

  it("is bland: the same subject and body for both kinds, naming no one and no feeling", () => {
    expect(daily.subject).toBe("Your Heartwork reminder");
    expect(headsUp).toEqual(daily);
    const words = `${daily.subject}\n${daily.text}`;
    expect(words).not.toMatch(HEALTH_WORDS);
    expect(words).not.toMatch(/\bex\b|miss|sad|lonely|feel|hard date|anniversar|streak/i);
  });

  it("carries the RFC 8058 one-click stop headers, and the same stop link in the body", () => {
    expect(daily.headers).toEqual({
      "List-Unsubscribe": `<${appUrl}/api/reminders/stop?t=${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(daily.text).toContain(`${appUrl}/reminders/stop?t=${token}`);
    expect(daily.html).toContain(`${appUrl}/reminders/stop?t=${token}`);
  });

  it("refuses a token that is not one", () => {
    expect(
      emailTemplates.reminder.schema.safeParse({ kind: "daily", token: "<script>" }).success,
    ).toBe(false);
  });
});
