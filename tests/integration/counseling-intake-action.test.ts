import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordSafetyScreen, submitCounselingIntake } from "@/lib/data/counseling-referrals";
import { PHONE_WITH_EMAIL_MESSAGE } from "@/lib/validations/counseling";
import { openTeamReferral } from "@/lib/data/team-referral";
import { createPerson, intakeOf, type Person } from "@/tests/support/counseling";
import { createTeamMember } from "@/tests/support/counseling-team";
import { renderQueuedEmail } from "@/tests/support/queued-email";

// Issue 12's safety bug, through the real intake action (pipeline, schema,
// lib/data, outbox, template) on a real database. Since issue 14 the team's
// email says only that a referral is waiting, so the contact the person chose
// is checked where the team reads it: its referral view (lib/data/team-referral.ts). Only Next's request edges
// are stood in for: who is signed in, revalidatePath, and redirect (which
// throws, as Next's does).

const signedIn: { user: SessionUser | null } = { user: null };

vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${to}`), { redirectedTo: to });
  },
}));

const { submitIntake } = await import("@/lib/actions/counseling");

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  return data;
}

async function redirectOf(run: Promise<unknown>): Promise<string> {
  const error = (await run.then(
    () => null,
    (e: unknown) => e,
  )) as { redirectedTo?: string } | null;
  if (!error?.redirectedTo) throw new Error("expected a redirect");
  return error.redirectedTo;
}

async function intakeMailText(person: Person): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({
    where: { template: "counseling-intake", userId: person.id },
    select: { data: true },
  });
  // As the worker would: the payload parsed, opened, then rendered.
  return rows.map((row) => renderQueuedEmail("counseling-intake", row.data).text);
}

/** The contact the counseling team sees when a counselor opens the person's referral. */
async function contactTheTeamSees(person: Person) {
  const counselor = await createTeamMember("intake-counselor");
  const { id } = await db.counselingReferral.findFirstOrThrow({
    where: { userId: person.id },
    select: { id: true },
  });
  const referral = await openTeamReferral({ userId: counselor.id, referralId: id });
  if (!referral) throw new Error("the counselor could not open the referral");
  return {
    contactMethod: referral.contactMethod,
    phone: referral.phone,
    safeToLeaveMessage: referral.safeToLeaveMessage,
  };
}

/** The team's email is the same bland notice whatever the person chose. */
function expectBlandNotice(text: string, person: Person) {
  expect(text).toContain("A new referral is waiting in the Heartwork inbox.");
  expect(text).not.toMatch(/phone|email:|555|evening/i);
  expect(text).not.toContain(person.email);
}

async function screenedPerson(): Promise<Person> {
  const person = await createPerson();
  await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" });
  signedIn.user = { ...person, signedInAt: new Date() };
  return person;
}

beforeEach(() => {
  signedIn.user = null;
});

describe("submitIntake (issue 12: a phone request must stay a phone request)", () => {
  const phoneIntake = {
    format: "COUPLES",
    focuses: ["TRUST", "PARENTING"],
    note: "Please call in the evening.\nNot before 6.",
    contactMethod: "PHONE",
    phone: "+1 555 010 9999",
    shareFocuses: "on",
    shareNote: "on",
  };

  it("keeps every choice after an error elsewhere, and then tells the team to phone", async () => {
    const person = await screenedPerson();
    const refused = await submitIntake({}, form(phoneIntake));
    expect(refused.status).toBe("error");
    expect(refused.fieldErrors?.preferredTimes).toEqual([
      "Choose at least one time that could work.",
    ]);
    expect(refused.values).toEqual(phoneIntake);
    expect(await intakeMailText(person)).toEqual([]);

    // The form sends back exactly what it was given, with the times fixed.
    const fixed = { ...refused.values, preferredTimes: ["WEEKDAY_EVENING"] };
    expect(await redirectOf(submitIntake(refused, form(fixed)))).toBe("/counseling/next");
    const [text, ...more] = await intakeMailText(person);
    expect(more).toEqual([]);
    expectBlandNotice(text!, person);
    expect(await contactTheTeamSees(person)).toEqual({
      contactMethod: "PHONE",
      phone: "+1 555 010 9999",
      safeToLeaveMessage: false,
    });
  });

  it("refuses a phone number sent with 'By email' (the flipped radio) and queues nothing", async () => {
    const person = await screenedPerson();
    const state = await submitIntake(
      {},
      form({ ...phoneIntake, contactMethod: "EMAIL", preferredTimes: ["WEEKEND"] }),
    );
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.contactMethod).toEqual([PHONE_WITH_EMAIL_MESSAGE]);
    expect(state.values).toMatchObject({ contactMethod: "EMAIL", phone: "+1 555 010 9999" });
    expect(await intakeMailText(person)).toEqual([]);
  });

  it("sends email contact, with the account's address, when email was chosen and no number given", async () => {
    const person = await screenedPerson();
    const { phone: _phone, ...emailIntake } = phoneIntake;
    await redirectOf(
      submitIntake(
        {},
        form({ ...emailIntake, contactMethod: "EMAIL", preferredTimes: ["WEEKEND"] }),
      ),
    );
    const [text] = await intakeMailText(person);
    expectBlandNotice(text!, person);
    expect(await contactTheTeamSees(person)).toEqual({
      contactMethod: "EMAIL",
      phone: null,
      safeToLeaveMessage: null,
    });
  });
});

describe("submitCounselingIntake's own guard", () => {
  it("fails loudly, and stores and queues nothing, when the contact and the number disagree", async () => {
    const person = await screenedPerson();
    for (const intake of [
      intakeOf({ contactMethod: "EMAIL", phone: "+1 555 010 9999" }),
      intakeOf({ contactMethod: "PHONE", phone: " " }),
    ]) {
      await expect(submitCounselingIntake({ userId: person.id, intake })).rejects.toThrow(
        /contact method and phone number disagree/,
      );
    }
    expect(await intakeMailText(person)).toEqual([]);
    const referral = await db.counselingReferral.findFirstOrThrow({
      where: { userId: person.id },
      select: { intakeSubmittedAt: true },
    });
    expect(referral.intakeSubmittedAt).toBeNull();
  });
});
