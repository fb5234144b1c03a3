import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { hashSessionToken } from "@/lib/data/auth-adapter";
import { addCounselingMessage, readPeopleThreads } from "@/lib/data/counseling-messages";
import { claimReferral } from "@/lib/data/referral-ownership";
import { readTeamRoster, removeTeamMember } from "@/lib/data/team-members";
import { openTeamReferral } from "@/lib/data/team-referral";
import { saveTrackerSettings } from "@/lib/data/tracker-settings";
import { COUNSELING_MESSAGE_SUBJECT } from "@/lib/email/templates/counseling-message";
import { createPerson, type Person } from "@/tests/support/counseling";
import {
  createCouplesReferral,
  createSubmittedReferral,
  createTeamMember,
  messageOf,
} from "@/tests/support/counseling-team";
import { renderQueuedEmail } from "@/tests/support/queued-email";
import { teamStateSnapshot } from "@/tests/support/team-snapshot";

// The team's actions (claim, reassign, close, write) and the person's and
// partner's message action, through the real pipeline on a real database;
// the message notices in the outbox; the people's view of their threads.
// Only Next's request edges are stood in for: who is signed in, the session
// cookie (each caller gets a real database session, past the team's passkey
// step, so lib/auth/team-access.ts checks it for real) and revalidatePath.

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
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
}));

const { claimTeamReferral, closeTeamReferral, reassignTeamReferral, sendTeamMessage } =
  await import("@/lib/actions/team-referrals");
const { sendCounselingMessage } = await import("@/lib/actions/counseling-messages");

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

const message = (referralId: string, thread: "PERSON" | "PARTNER" | "SHARED", text: string) =>
  form(messageOf(referralId, thread, text));

/** Each queued message notice: to whom, and the email as the worker renders it. */
async function notices() {
  const rows = await db.outboxMessage.findMany({
    where: { template: "counseling-message" },
    orderBy: { createdAt: "asc" },
    select: { to: true, userId: true, data: true },
  });
  return rows.map((row) => ({
    userId: row.userId,
    to: row.to,
    email: renderQueuedEmail("counseling-message", row.data, { appUrl: "https://hw.example" }),
  }));
}

beforeEach(async () => {
  signedIn.user = null;
  signedIn.token = null;
  await db.outboxMessage.deleteMany({ where: { template: "counseling-message" } });
});

describe("claiming through the action", () => {
  it("gives one owner and tells the one who came second, the closed and the outsider clearly", async () => {
    const first = await createTeamMember("ada");
    const second = await createTeamMember("bo");
    const coordinator = await createTeamMember("cy", "coordinator");
    const { referralId } = await createSubmittedReferral("claimed");

    await as(first);
    // The claim form leaves the page, so the page says it: a flash in the address.
    await expect(claimTeamReferral({}, form({ referralId }))).rejects.toThrow(
      `NEXT_REDIRECT /team/referrals/${referralId}?claimed=1`,
    );
    const before = await teamStateSnapshot();
    await as(second);
    expect(await claimTeamReferral({}, form({ referralId }))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/Someone else claimed this referral a moment ago/),
    });
    await as(coordinator);
    expect(await claimTeamReferral({}, form({ referralId }))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/Another team member claimed this referral/),
    });
    await as(first);
    expect(await claimTeamReferral({}, form({ referralId }))).toMatchObject({
      formError: "You already hold this referral.",
    });
    // Not on the team: "not found" before anything is parsed.
    await as(await createPerson("outsider"));
    expect(await claimTeamReferral({}, form({ referralId }))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/could not be found/),
    });
    expect(await teamStateSnapshot()).toEqual(before);

    await as(first);
    expect(
      await closeTeamReferral({}, form({ referralId, outcome: "NO_RESPONSE", resources: "" })),
    ).toMatchObject({ status: "saved" });
    await as(coordinator);
    expect(await claimTeamReferral({}, form({ referralId }))).toMatchObject({
      formError: "This referral is closed, so it cannot be claimed.",
    });
    expect(
      await closeTeamReferral({}, form({ referralId, outcome: "OTHER", resources: "" })),
    ).toMatchObject({ formError: "This referral is already closed. Nothing was changed." });
  });

  it("refuses a removed member on their next action", async () => {
    const gone = await createTeamMember("gone");
    const { referralId } = await createSubmittedReferral("left");
    await as(gone); // signed in and past the passkey before the removal
    await removeTeamMember({ email: gone.email, operator: "test-operator" });
    const before = await teamStateSnapshot();
    expect(await claimTeamReferral({}, form({ referralId }))).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/could not be found/),
    });
    expect(await teamStateSnapshot()).toEqual(before);
  });
});

describe("reassigning through the action", () => {
  it("says clearly when the chosen person is not an active member, or none was chosen, and changes nothing", async () => {
    const coordinator = await createTeamMember("dee", "coordinator");
    const counselor = await createTeamMember("eve");
    const ordinary = await createPerson("plain");
    const { referralId } = await createSubmittedReferral("handed");
    await as(coordinator);
    const before = await teamStateSnapshot();
    expect(
      await reassignTeamReferral({}, form({ referralId, toUserId: ordinary.id })),
    ).toMatchObject({
      status: "error",
      fieldErrors: { toUserId: [expect.stringMatching(/not an active member of the team/)] },
      values: { referralId, toUserId: ordinary.id },
    });
    expect(await reassignTeamReferral({}, form({ referralId, toUserId: "" }))).toMatchObject({
      fieldErrors: { toUserId: ["Choose a team member."] },
    });
    expect(await teamStateSnapshot()).toEqual(before);
    expect(
      await reassignTeamReferral({}, form({ referralId, toUserId: counselor.id })),
    ).toMatchObject({ status: "saved" });
    // A counselor cannot reassign.
    await as(counselor);
    expect(
      await reassignTeamReferral({}, form({ referralId, toUserId: coordinator.id })),
    ).toMatchObject({ status: "error", formError: expect.stringMatching(/could not find/) });
  });
});

describe("writing messages", () => {
  it("lets only the holder write for the team, refuses a 10,000-character message with the text kept, and emails only blandly", async () => {
    const holder = await createTeamMember("fay");
    const colleague = await createTeamMember("gus");
    const { person, referralId } = await createSubmittedReferral("writer");

    // Before anyone holds it, the person may write; nobody on the team is emailed.
    await as(person);
    expect(
      await sendCounselingMessage({}, message(referralId, "PERSON", "Is anyone there?")),
    ).toMatchObject({ status: "saved" });
    expect(await notices()).toEqual([]);

    await as(holder);
    await expect(claimTeamReferral({}, form({ referralId }))).rejects.toThrow(/NEXT_REDIRECT/);
    await as(colleague);
    const before = await teamStateSnapshot();
    expect(
      await sendTeamMessage({}, message(referralId, "PERSON", "Not mine to write")),
    ).toMatchObject({ status: "error" });
    await as(holder);
    const long = "x".repeat(10_000);
    const refused = await sendTeamMessage({}, message(referralId, "PERSON", long));
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { text: [expect.stringMatching(/4,000 characters or fewer\. It has 10,000\./)] },
    });
    expect(refused.values?.text).toHaveLength(4_000);
    // A team member cannot write for the team through the person's form.
    expect(
      await sendCounselingMessage({}, message(referralId, "PERSON", "wrong form")),
    ).toMatchObject({ status: "error", formError: "We could not find that conversation." });
    expect(await teamStateSnapshot()).toEqual(before);

    expect(
      await sendTeamMessage({}, message(referralId, "PERSON", "Dana here: about money worries")),
    ).toMatchObject({ status: "saved", message: "Sent." });
    await as(person);
    expect(
      await sendCounselingMessage({}, message(referralId, "PERSON", "Thank you, evenings work")),
    ).toMatchObject({ status: "saved" });
    // The person cannot write through the team's form, even on their own referral.
    expect(await sendTeamMessage({}, message(referralId, "PERSON", "x"))).toMatchObject({
      status: "error",
    });

    const sent = await notices();
    expect(sent.map((n) => n.userId)).toEqual([person.id, holder.id]);
    expect(sent.map((n) => n.to)).toEqual([person.email, holder.email]);
    for (const { email } of sent) {
      expect(email.subject).toBe(COUNSELING_MESSAGE_SUBJECT);
      expect(`${email.subject}\n${email.text}\n${email.html}`).not.toMatch(
        /money|evenings|Dana|Fay|Writer|therap/i,
      );
      // Not even the word: only the link's address names the page it opens.
      expect(email.text.replaceAll(/https:\/\/\S+/g, "")).not.toMatch(/counsel|referral/i);
    }
    expect(sent[0]!.email.text).toContain("https://hw.example/counseling\n");
    expect(sent[1]!.email.text).toContain(`https://hw.example/team/referrals/${referralId}`);
  });

  it("notifies the other side(s) of each thread of a couple and keeps each partner's private thread from the other", async () => {
    const counselor = await createTeamMember("hal");
    const { person, partner, referralId } = await createCouplesReferral("pair");
    await claimReferral({ userId: counselor.id, referralId });
    const post = (who: Person, thread: "PERSON" | "PARTNER" | "SHARED", text: string) =>
      addCounselingMessage({ userId: who.id, ...messageOf(referralId, thread, text) });

    await post(counselor, "SHARED", "to you both");
    expect((await notices()).map((n) => n.userId).sort()).toEqual([partner.id, person.id].sort());
    await db.outboxMessage.deleteMany({ where: { template: "counseling-message" } });
    await post(partner, "PARTNER", "only for the counselor");
    await post(person, "SHARED", "hello all");
    const sent = await notices();
    expect(sent.map((n) => n.userId)).toEqual([counselor.id, counselor.id, partner.id]);
    expect(sent[2]!.email.text).toContain(`https://hw.example/counseling/joined/${referralId}`);

    const personView = await readPeopleThreads({ userId: person.id });
    expect(personView).toMatchObject({ referralId, side: "person", closed: false });
    expect(personView!.threads.map((t) => t.name)).toEqual(["PERSON", "SHARED"]);
    expect(personView!.threads[1]!.messages.map((m) => m.text)).toEqual([
      "to you both",
      "hello all",
    ]);
    const partnerView = await readPeopleThreads({ userId: partner.id, referralId });
    expect(partnerView!.threads.map((t) => t.name)).toEqual(["PARTNER", "SHARED"]);
    expect(partnerView!.threads[0]!.messages.map((m) => m.text)).toEqual([
      "only for the counselor",
    ]);
    // The partner has no referral of their own; the team reads through openTeamReferral.
    expect(await readPeopleThreads({ userId: partner.id })).toBeNull();
    expect(await readPeopleThreads({ userId: counselor.id, referralId })).toBeNull();
    expect(
      await readPeopleThreads({ userId: (await createPerson("nosy")).id, referralId }),
    ).toBeNull();
  });
});

describe("the referral page's data", () => {
  it("names the holder without an extra read, offers a coordinator only members outside the referral, and uses the viewer's zone", async () => {
    const coordinator = await createTeamMember("ida", "coordinator");
    const counselor = await createTeamMember("jo");
    const { person, partner, referralId } = await createCouplesReferral("assign");
    await createTeamMember("kit");
    // The partner happens to be on the team: never offered for their own referral.
    const { addTeamMember } = await import("@/lib/data/team-members");
    await addTeamMember({ email: partner.email, role: "counselor", operator: "test-operator" });
    await saveTrackerSettings({
      userId: coordinator.id,
      timeZone: "Europe/Berlin",
      breakupDate: undefined,
    });

    expect((await readTeamRoster({ viewerId: coordinator.id })).viewer?.timeZone).toBe(
      "Europe/Berlin",
    );
    await claimReferral({ userId: counselor.id, referralId });
    const seen = await openTeamReferral({ userId: coordinator.id, referralId });
    expect(seen).toMatchObject({
      claimedByName: "Jo",
      timeZone: "Europe/Berlin",
    });
    const offered = seen!.assignable.map((m) => m.userId);
    expect(offered).toEqual(expect.arrayContaining([coordinator.id, counselor.id]));
    expect(offered).not.toContain(partner.id);
    expect(offered).not.toContain(person.id);
    const own = await openTeamReferral({ userId: counselor.id, referralId });
    expect(own).toMatchObject({ claimedByMe: true, claimedByName: "Jo", timeZone: "UTC" });
    expect(own!.assignable).toEqual([]);
  });
});
