import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { TeamRole } from "@/lib/counseling/team";
import type { CounselingIntake } from "@/lib/counseling/intake";
import { recordSafetyScreen, submitCounselingIntake } from "@/lib/data/counseling-referrals";
import { recordPartnerSafetyScreen } from "@/lib/data/partner-referrals";
import { acceptPartnerInvitation } from "@/lib/data/invitation-responses";
import { addTeamMember } from "@/lib/data/team-members";
import {
  createPerson,
  intakeOf,
  invite,
  latestToken,
  type Person,
} from "@/tests/support/counseling";

// People on both sides of the counseling team's tests, made through the app's
// own data functions: team members added as the CLI adds them, referrals
// submitted through the intake, partners joined through a real invitation.

export async function createTeamMember(
  label: string,
  role: TeamRole = "counselor",
): Promise<Person> {
  const person = await createPerson(label);
  const result = await addTeamMember({
    email: person.email,
    role,
    displayName: person.name,
    operator: "test-operator",
  });
  if (!result.ok) throw new Error(`could not add ${label} to the team`);
  return person;
}

/** A person with a submitted intake; returns them and their referral's id. */
export async function createSubmittedReferral(
  label = "person",
  intake: Partial<CounselingIntake> = {},
): Promise<{ person: Person; referralId: string }> {
  const person = await createPerson(label);
  await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" });
  const submitted = await submitCounselingIntake({
    userId: person.id,
    intake: intakeOf(intake),
  });
  if (submitted !== "submitted") throw new Error(`intake not submitted: ${submitted}`);
  const referral = await db.counselingReferral.findFirstOrThrow({
    where: { userId: person.id },
    select: { id: true },
  });
  return { person, referralId: referral.id };
}

/** A couples referral whose partner accepted the invitation and answered their own screen. */
export async function createCouplesReferral(
  label = "couple",
  partnerScreen: "CLEAR" | "CONCERN" = "CLEAR",
) {
  const { person, referralId } = await createSubmittedReferral(`${label}-person`, {
    format: "COUPLES",
  });
  const partner = await createPerson(`${label}-partner`);
  const { invitationId } = await invite(person, partner.email);
  const accepted = await acceptPartnerInvitation({
    token: await latestToken(invitationId),
    userId: partner.id,
    email: partner.email,
  });
  if (!accepted.ok) throw new Error("the partner could not accept");
  await recordPartnerSafetyScreen({ userId: partner.id, referralId, outcome: partnerScreen });
  return { person, partner, referralId };
}

export function messageOf(
  referralId: string,
  thread: "PERSON" | "PARTNER" | "SHARED",
  text: string,
) {
  return { referralId, thread, text, requestKey: randomUUID() } as const;
}
