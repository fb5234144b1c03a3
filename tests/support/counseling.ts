import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { CounselingIntake } from "@/lib/counseling/intake";
import { recordSafetyScreen, submitCounselingIntake } from "@/lib/data/counseling-referrals";
import { createPartnerInvitation } from "@/lib/data/partner-invitations";
import { renderQueuedEmail } from "@/tests/support/queued-email";

// Helpers for the counseling data-layer tests: people, referrals ready to
// invite from, invitations, and the token as the invitee would get it (read
// from the rendered email, the only place it exists in clear).

export type Person = { id: string; email: string; name: string };

export function uniqueAddress(label = "person"): string {
  return `${label}.${randomBytes(5).toString("hex")}@example.com`;
}

export async function createPerson(label = "person"): Promise<Person> {
  const email = uniqueAddress(label);
  const name = label.charAt(0).toUpperCase() + label.slice(1);
  const user = await db.user.create({ data: { email, name }, select: { id: true } });
  return { id: user.id, email, name };
}

export function intakeOf(overrides: Partial<CounselingIntake> = {}): CounselingIntake {
  return {
    format: "COUPLES",
    focuses: ["COMMUNICATION", "TRUST"],
    note: "We keep having the same argument about money.",
    preferredTimes: ["WEEKDAY_EVENING"],
    contactMethod: "EMAIL",
    phone: "",
    safeToLeaveMessage: false,
    shareFocuses: true,
    shareNote: false,
    ...overrides,
  };
}

/** A signed-up person whose screen was clear and whose couples intake is in. */
export async function createInviter(label = "inviter"): Promise<Person> {
  const person = await createPerson(label);
  await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" });
  await submitCounselingIntake({ userId: person.id, intake: intakeOf() });
  return person;
}

export async function invite(
  inviter: Person,
  email: string,
  { message = "", inviterName = inviter.name }: { message?: string; inviterName?: string } = {},
) {
  const result = await createPartnerInvitation({
    userId: inviter.id,
    email,
    inviterName,
    message,
    requestKey: randomUUID(),
  });
  if (!result.ok) throw new Error(`invitation refused: ${result.reason}`);
  const invitation = await db.partnerInvitation.findFirstOrThrow({
    where: { inviterId: inviter.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, tokenHash: true },
  });
  return { invitationId: invitation.id, tokenHash: invitation.tokenHash };
}

/** The queued emails of an invitation, oldest first. */
export async function invitationMail(invitationId: string) {
  return db.outboxMessage.findMany({
    where: { dedupeKey: { startsWith: `partner-invitation:${invitationId}:` } },
    orderBy: { createdAt: "asc" },
    select: { id: true, to: true, data: true, status: true, dedupeKey: true },
  });
}

/** Renders a queued invitation email as the worker would, and returns its text and token. */
export function renderInvitationMail(data: unknown) {
  const rendered = renderQueuedEmail("partner-invitation", data);
  const token = /\/invitations\/([A-Za-z0-9_-]{43})\?choice=accept/.exec(rendered.text)?.[1];
  if (!token) throw new Error("no invitation link in the email");
  return { ...rendered, token };
}

/** The token of the newest queued email of an invitation. */
export async function latestToken(invitationId: string): Promise<string> {
  const mail = await invitationMail(invitationId);
  const last = mail.at(-1);
  if (!last) throw new Error("no invitation email queued");
  return renderInvitationMail(last.data).token;
}
