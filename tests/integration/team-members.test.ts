import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { addCounselingMessage, listCounselingThread } from "@/lib/data/counseling-messages";
import { claimReferral, closeReferral, reassignReferral } from "@/lib/data/referral-ownership";
import { listTeamInbox } from "@/lib/data/team-inbox";
import {
  addTeamMember,
  findActiveTeamMember,
  listTeamMembers,
  listTeamRoleChanges,
  removeTeamMember,
} from "@/lib/data/team-members";
import { openTeamReferral } from "@/lib/data/team-referral";
import { createPerson, uniqueAddress } from "@/tests/support/counseling";
import {
  createSubmittedReferral,
  createTeamMember,
  messageOf,
} from "@/tests/support/counseling-team";
import { teamStateSnapshot } from "@/tests/support/team-snapshot";

// Team membership as the command line changes it (docs/counseling-team.md):
// every grant, change and removal recorded with its operator, and a removed
// member refused by every team function on their very next call.

// Couples made through real invitations and twenty racing members are many statements: on a
// loaded two-core machine a test can take longer than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

describe(addTeamMember, () => {
  it("grants a role to an existing account, records who did it, and records a change of role", async () => {
    const dana = await createPerson("dana");
    expect(
      await addTeamMember({
        email: dana.email,
        role: "counselor",
        displayName: "Dana",
        operator: "ops-alice",
      }),
    ).toEqual({ ok: true, change: "added", previousRole: null });
    expect(await findActiveTeamMember({ userId: dana.id })).toEqual({
      userId: dana.id,
      role: "counselor",
      displayName: "Dana",
    });
    expect(
      await addTeamMember({ email: dana.email, role: "counselor", operator: "ops-alice" }),
    ).toEqual({ ok: true, change: "unchanged", previousRole: null });
    expect(
      await addTeamMember({ email: dana.email, role: "coordinator", operator: "ops-bob" }),
    ).toEqual({ ok: true, change: "changed", previousRole: "counselor" });

    const changes = await db.teamRoleChange.findMany({
      where: { userId: dana.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, role: true, previousRole: true, operator: true },
    });
    expect(changes).toEqual([
      { action: "added", role: "counselor", previousRole: null, operator: "ops-alice" },
      { action: "changed", role: "coordinator", previousRole: "counselor", operator: "ops-bob" },
    ]);
    // The name given once is kept when a later command does not repeat it.
    expect((await findActiveTeamMember({ userId: dana.id }))?.displayName).toBe("Dana");
  });

  it("refuses an address with no account and writes nothing", async () => {
    const before = await teamStateSnapshot();
    expect(
      await addTeamMember({ email: uniqueAddress("nobody"), role: "counselor", operator: "ops" }),
    ).toEqual({ ok: false, reason: "unknown_address" });
    expect(await teamStateSnapshot()).toEqual(before);
  });
});

describe(removeTeamMember, () => {
  it("keeps the member's row with the removal date, records it, drops their passkeys and returns their open referrals to the inbox", async () => {
    const eli = await createTeamMember("eli");
    await db.teamPasskey.create({
      data: {
        id: "credential-eli",
        userId: eli.id,
        publicKey: new Uint8Array([1, 2, 3]),
        webauthnUserId: "handle-eli",
        transports: ["internal"],
        deviceType: "singleDevice",
      },
    });
    const { referralId } = await createSubmittedReferral("held-by-eli");
    expect(await claimReferral({ userId: eli.id, referralId })).toEqual({ ok: true });

    expect(await removeTeamMember({ email: eli.email, operator: "ops-carol" })).toEqual({
      ok: true,
      returnedToInbox: 1,
    });
    const row = await db.teamMember.findUniqueOrThrow({ where: { userId: eli.id } });
    expect(row.removedAt).not.toBeNull();
    expect(await db.teamPasskey.count({ where: { userId: eli.id } })).toBe(0);
    expect(
      await db.counselingReferral.findUniqueOrThrow({
        where: { id: referralId },
        select: { state: true, claimedById: true, claimedAt: true },
      }),
    ).toEqual({ state: "NEW", claimedById: null, claimedAt: null });
    expect(
      await db.teamRoleChange.findFirst({
        where: { userId: eli.id, action: "removed" },
        select: { previousRole: true, operator: true },
      }),
    ).toEqual({ previousRole: "counselor", operator: "ops-carol" });

    // Removing again, or someone never on the team, is a clear refusal.
    expect(await removeTeamMember({ email: eli.email, operator: "ops" })).toEqual({
      ok: false,
      reason: "not_a_member",
    });
    expect(await removeTeamMember({ email: uniqueAddress("ghost"), operator: "ops" })).toEqual({
      ok: false,
      reason: "unknown_address",
    });

    // Added back later: a fresh grant, recorded as such.
    await addTeamMember({ email: eli.email, role: "coordinator", operator: "ops-carol" });
    expect((await findActiveTeamMember({ userId: eli.id }))?.role).toBe("coordinator");
    const history = (await listTeamRoleChanges({ take: 500 }))
      .filter((change) => change.email === eli.email)
      .map((change) => change.action);
    expect(history).toEqual(["added", "removed", "added"]);
  });

  it("refuses a removed member at once in every team function, and they change nothing", async () => {
    const coordinator = await createTeamMember("fay", "coordinator");
    const colleague = await createTeamMember("gus");
    const { person, referralId } = await createSubmittedReferral("fays-person");
    const other = await createSubmittedReferral("another-person");
    expect(await claimReferral({ userId: coordinator.id, referralId })).toEqual({ ok: true });
    await addCounselingMessage({
      userId: person.id,
      ...messageOf(referralId, "PERSON", "Hello?"),
    });
    expect(await listTeamInbox({ userId: coordinator.id, filter: "new" })).not.toBeNull();

    await removeTeamMember({ email: coordinator.email, operator: "ops" });
    // Their referral went back to the inbox; put it back in their name to test
    // that even a referral still recorded as theirs is refused.
    await db.counselingReferral.update({
      where: { id: referralId },
      data: { state: "CLAIMED", claimedById: coordinator.id, claimedAt: new Date() },
    });
    const before = await teamStateSnapshot();

    expect(await findActiveTeamMember({ userId: coordinator.id })).toBeNull();
    for (const filter of ["new", "mine", "others", "closed"] as const) {
      expect(await listTeamInbox({ userId: coordinator.id, filter })).toBeNull();
    }
    expect(await openTeamReferral({ userId: coordinator.id, referralId })).toBeNull();
    expect(await claimReferral({ userId: coordinator.id, referralId: other.referralId })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(
      await reassignReferral({
        userId: coordinator.id,
        referralId: other.referralId,
        toUserId: colleague.id,
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(await closeReferral({ userId: coordinator.id, referralId, outcome: "OTHER" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(
      await addCounselingMessage({
        userId: coordinator.id,
        ...messageOf(referralId, "PERSON", "still here?"),
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await listCounselingThread({ userId: coordinator.id, referralId, thread: "PERSON" }),
    ).toBeNull();
    expect(await teamStateSnapshot()).toEqual(before);

    // Nor can anyone hand them work.
    const boss = await createTeamMember("hal", "coordinator");
    expect(
      await reassignReferral({
        userId: boss.id,
        referralId: other.referralId,
        toUserId: coordinator.id,
      }),
    ).toEqual({ ok: false, reason: "not_a_member" });
  });
});

describe(listTeamMembers, () => {
  it("lists active members, and removed ones only when asked", async () => {
    const ida = await createTeamMember("ida");
    const jon = await createTeamMember("jon", "coordinator");
    await removeTeamMember({ email: jon.email, operator: "ops" });
    const active = await listTeamMembers();
    expect(active.map((m) => m.email)).toContain(ida.email);
    expect(active.map((m) => m.email)).not.toContain(jon.email);
    const all = await listTeamMembers({ includeRemoved: true });
    expect(all.find((m) => m.email === jon.email)).toMatchObject({
      role: "coordinator",
      removedAt: expect.any(Date),
    });
  });
});
