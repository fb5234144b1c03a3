import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { hashSessionToken } from "@/lib/data/auth-adapter";
import { getReminderSettings } from "@/lib/data/reminders";
import { getSessionRemindersEnabled } from "@/lib/data/session-reminders";
import { removeTeamMember } from "@/lib/data/team-members";
import { createPerson, type Person } from "@/tests/support/counseling";
import { createTeamMember } from "@/tests/support/counseling-team";

// The counselor's appointment reminders on the team's side (/team/agenda):
// updateTeamAppointmentReminders through the real action pipeline on a real
// database. It changes the one stored preference that the box on
// /progress/reminders changes (ReminderSettings.sessionRemindersEnabled, read
// by the reminder scheduler and its send-time check), and nothing else. Only
// Next's request edges are stood in for, as in team-inbox-actions.test.ts.

vi.setConfig({ testTimeout: 120_000 });

const signedIn: { user: SessionUser | null; token: string | null } = { user: null, token: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: () => (signedIn.token ? { value: signedIn.token } : undefined),
  }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { updateTeamAppointmentReminders } = await import("@/lib/actions/team-reminders");
const { updateReminderSettings } = await import("@/lib/actions/reminders");

async function as(person: Person) {
  const token = randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      sessionToken: hashSessionToken(token),
      userId: person.id,
      expires: new Date(Date.now() + 86_400_000),
      createdAt: new Date(Date.now() - 1_000),
      teamVerifiedAt: new Date(),
    },
  });
  signedIn.user = { ...person, signedInAt: new Date() };
  signedIn.token = token;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("appointment reminders on the team's side", () => {
  it("turns the one stored preference off and on, the same one /progress/reminders changes", async () => {
    const counselor = await createTeamMember("team-reminders");
    await as(counselor);
    expect(await getSessionRemindersEnabled({ userId: counselor.id })).toBe(true);

    // An unticked box is absent from the form: off.
    expect(await updateTeamAppointmentReminders({}, form({}))).toMatchObject({
      status: "saved",
      message: "Saved. Appointment reminders are off.",
    });
    expect(await getSessionRemindersEnabled({ userId: counselor.id })).toBe(false);
    // The tracker's reminders keep their defaults (off); the progress page shows the box unticked.
    expect(await getReminderSettings({ userId: counselor.id })).toMatchObject({
      dailyEnabled: false,
      hardDatesEnabled: false,
      sessionRemindersEnabled: false,
    });

    // Ticked on /progress/reminders: the team side reads it on.
    expect(
      await updateReminderSettings(
        {},
        form({
          dailyEnabled: "on",
          dailyTime: "08:30",
          hardDateDaysBefore: "7",
          sessionRemindersEnabled: "on",
        }),
      ),
    ).toMatchObject({ status: "saved" });
    expect(await getSessionRemindersEnabled({ userId: counselor.id })).toBe(true);

    // Off again from the team side: the daily reminder chosen on the progress page stays.
    expect(await updateTeamAppointmentReminders({}, form({}))).toMatchObject({ status: "saved" });
    expect(await getReminderSettings({ userId: counselor.id })).toMatchObject({
      dailyEnabled: true,
      dailyMinute: 8 * 60 + 30,
      sessionRemindersEnabled: false,
    });
    expect(
      await updateTeamAppointmentReminders({}, form({ sessionRemindersEnabled: "on" })),
    ).toMatchObject({
      status: "saved",
      message: "Saved. You get a reminder a day and an hour before each session.",
    });
    expect(await db.reminderSettings.count({ where: { userId: counselor.id } })).toBe(1);
    expect(await getSessionRemindersEnabled({ userId: counselor.id })).toBe(true);
  });

  it("refuses anyone who is not an active team member, and bad input, changing nothing", async () => {
    const person = await createPerson("team-reminders-person");
    await as(person);
    expect(await updateTeamAppointmentReminders({}, form({}))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/could not be found/),
    });
    expect(await db.reminderSettings.count({ where: { userId: person.id } })).toBe(0);

    const gone = await createTeamMember("team-reminders-gone");
    await as(gone);
    await removeTeamMember({ email: gone.email, operator: "test-operator" });
    expect(await updateTeamAppointmentReminders({}, form({}))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/could not be found/),
    });
    expect(await db.reminderSettings.count({ where: { userId: gone.id } })).toBe(0);

    const counselor = await createTeamMember("team-reminders-bad");
    await as(counselor);
    expect(
      await updateTeamAppointmentReminders({}, form({ sessionRemindersEnabled: "yes" })),
    ).toMatchObject({ status: "error" });
    expect(
      await updateTeamAppointmentReminders({}, form({ sessionRemindersEnabled: "on", extra: "1" })),
    ).toMatchObject({ status: "error" });
    expect(await db.reminderSettings.count({ where: { userId: counselor.id } })).toBe(0);
  });
});
