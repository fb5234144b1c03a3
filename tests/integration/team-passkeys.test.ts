import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashSessionToken } from "@/lib/data/auth-adapter";
import {
  consumePasskeyChallenge,
  finishTeamPasskey,
  findTeamSession,
  startTeamPasskey,
} from "@/lib/data/team-passkeys";
import { removeTeamMember } from "@/lib/data/team-members";
import {
  PASSKEY_CHALLENGE_TTL_MS,
  TEAM_SESSION_MAX_AGE_MS,
  hashChallenge,
  relyingParty,
} from "@/lib/counseling/team-session";
import { finishPasskeySchema } from "@/lib/validations/team-passkey";
import { createPerson } from "@/tests/support/counseling";
import { createTeamMember } from "@/tests/support/counseling-team";
import { softwarePasskey, type SoftwarePasskey } from "@/tests/support/software-authenticator";

// The team's second factor in the data layer (docs/counseling-team.md, "The
// passkey"), on both databases, with a software passkey whose answers
// @simplewebauthn/server verifies for real: a session is verified only by its
// own passkey answer to its own fresh challenge, once; at most 12 hours; a
// removed member's sessions lose it all.

vi.setConfig({ testTimeout: 60_000 });

const origin = relyingParty(env.APP_URL).origin;

/** A session row as Auth.js makes it, keyed by the hashed token. */
async function newSession(userId: string, createdAt = new Date()): Promise<string> {
  const sessionKey = hashSessionToken(randomBytes(32).toString("base64url"));
  await db.session.create({
    data: {
      sessionToken: sessionKey,
      userId,
      createdAt,
      expires: new Date(Date.now() + 7 * 24 * 3600_000),
    },
  });
  return sessionKey;
}

function answer(purpose: "register" | "verify", response: unknown) {
  return finishPasskeySchema.parse({ purpose, response: JSON.stringify(response) });
}

/** Registers `passkey` for the member on a new session; returns that verified session. */
async function register(userId: string, email: string, passkey: SoftwarePasskey) {
  const sessionKey = await newSession(userId);
  const started = await startTeamPasskey({ userId, userName: email, sessionKey });
  if (!started || started === "verified" || started.purpose !== "register") {
    throw new Error(`expected registration options, got ${JSON.stringify(started)}`);
  }
  const input = answer("register", passkey.register(started.options as never, origin));
  expect(await finishTeamPasskey({ userId, sessionKey, input })).toEqual({ ok: true });
  return sessionKey;
}

async function verifyOptions(userId: string, email: string, sessionKey: string) {
  const started = await startTeamPasskey({ userId, userName: email, sessionKey });
  if (!started || started === "verified" || started.purpose !== "verify") {
    throw new Error(`expected verification options, got ${JSON.stringify(started)}`);
  }
  return started.options;
}

describe(findTeamSession, () => {
  it("is null for anyone but an active member on their own session", async () => {
    const member = await createTeamMember("tsmember");
    const ordinary = await createPerson("tsordinary");
    const memberSession = await newSession(member.id);
    const ordinarySession = await newSession(ordinary.id);

    expect(await findTeamSession({ userId: ordinary.id, sessionKey: ordinarySession })).toBeNull();
    // Another person's session key names nothing of the member's.
    expect(await findTeamSession({ userId: member.id, sessionKey: ordinarySession })).toBeNull();
    expect(await findTeamSession({ userId: member.id, sessionKey: memberSession })).toEqual({
      member: { userId: member.id, role: "counselor", displayName: member.name },
      status: "needs-passkey",
      hasPasskey: false,
    });
  });

  it("ends a team session 12 hours after sign-in, verified or not", async () => {
    const member = await createTeamMember("tsold");
    const signedIn = new Date(Date.now() - 60_000);
    const sessionKey = await newSession(member.id, signedIn);
    await db.session.update({
      where: { sessionToken: sessionKey },
      data: { teamVerifiedAt: new Date() },
    });
    const at = (ms: number) => new Date(signedIn.getTime() + ms);
    const statusAt = async (ms: number) =>
      (await findTeamSession({ userId: member.id, sessionKey, now: at(ms) }))?.status;

    expect(await statusAt(TEAM_SESSION_MAX_AGE_MS - 1_000)).toBe("verified");
    expect(await statusAt(TEAM_SESSION_MAX_AGE_MS + 1_000)).toBe("expired");
    // An expired session gets no passkey prompt either.
    expect(
      await startTeamPasskey({
        userId: member.id,
        userName: member.email,
        sessionKey,
        now: at(TEAM_SESSION_MAX_AGE_MS + 1_000),
      }),
    ).toBeNull();
  });
});

describe(startTeamPasskey, () => {
  it("keeps only the SHA-256 of one 5-minute challenge per session, and refuses non-members", async () => {
    const member = await createTeamMember("tschallenge");
    const ordinary = await createPerson("tschallenge-ordinary");
    const sessionKey = await newSession(member.id);
    const now = new Date();

    const first = await startTeamPasskey({
      userId: member.id,
      userName: member.email,
      sessionKey,
      now,
    });
    const second = await startTeamPasskey({
      userId: member.id,
      userName: member.email,
      sessionKey,
      now,
    });
    if (
      !first ||
      first === "verified" ||
      first.purpose !== "register" ||
      !second ||
      second === "verified" ||
      second.purpose !== "register"
    ) {
      throw new Error("no registration options");
    }
    expect(first.purpose).toBe("register");
    expect(first.options.rp).toEqual({
      id: relyingParty(env.APP_URL).rpID,
      name: "Heartwork team",
    });
    // The user handle is random, never the user id.
    expect(first.options.user.id).not.toContain(member.id);

    const rows = await db.teamPasskeyChallenge.findMany({ where: { userId: member.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.challengeHash).toBe(hashChallenge(second.options.challenge));
    expect(rows[0]!.challengeHash).not.toContain(second.options.challenge);
    expect(rows[0]!.expiresAt.getTime()).toBe(now.getTime() + PASSKEY_CHALLENGE_TTL_MS);

    const ordinarySession = await newSession(ordinary.id);
    expect(
      await startTeamPasskey({
        userId: ordinary.id,
        userName: ordinary.email,
        sessionKey: ordinarySession,
      }),
    ).toBeNull();
    expect(await db.teamPasskeyChallenge.count({ where: { userId: ordinary.id } })).toBe(0);
  });
});

describe(consumePasskeyChallenge, () => {
  it("answers once: a second use, another session, a late answer or a racing twin get nothing", async () => {
    const member = await createTeamMember("tsonce");
    const sessionKey = await newSession(member.id);
    const otherSession = await newSession(member.id);
    const start = async (now = new Date()) => {
      const started = await startTeamPasskey({
        userId: member.id,
        userName: member.email,
        sessionKey,
        now,
      });
      if (!started || started === "verified") throw new Error("no options");
      return started.options.challenge;
    };
    const consume = (challenge: string, extra: { now?: Date; sessionKey?: string } = {}) =>
      consumePasskeyChallenge({
        userId: member.id,
        sessionKey,
        purpose: "register",
        challenge,
        ...extra,
      });

    let challenge = await start();
    expect(await consume(challenge, { sessionKey: otherSession })).toBeNull();
    expect(await consume(challenge)).not.toBeNull();
    expect(await consume(challenge)).toBeNull();

    challenge = await start();
    expect(
      await consume(challenge, { now: new Date(Date.now() + PASSKEY_CHALLENGE_TTL_MS + 1_000) }),
    ).toBeNull();

    challenge = await start();
    const raced = await Promise.all([consume(challenge), consume(challenge), consume(challenge)]);
    expect(raced.filter((r) => r !== null)).toHaveLength(1);
  });
});

describe(finishTeamPasskey, () => {
  it("registers on the first team sign-in, then every new session must use that passkey", async () => {
    const member = await createTeamMember("tsflow");
    const passkey = softwarePasskey();
    const first = await register(member.id, member.email, passkey);

    expect((await findTeamSession({ userId: member.id, sessionKey: first }))?.status).toBe(
      "verified",
    );
    const stored = await db.teamPasskey.findMany({ where: { userId: member.id } });
    expect(stored.map((p) => p.id)).toEqual([passkey.credentialId]);
    expect(stored[0]!.webauthnUserId).toMatch(/^[A-Za-z0-9_-]{20,}$/);

    // A new sign-in is a new session: the email link alone is not enough.
    const second = await newSession(member.id);
    expect((await findTeamSession({ userId: member.id, sessionKey: second }))?.status).toBe(
      "needs-passkey",
    );
    // That session cannot register a second passkey of its own (an email link is not a passkey).
    const options = await verifyOptions(member.id, member.email, second);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([passkey.credentialId]);
    const intruder = softwarePasskey();
    const fakeRegistration = answer(
      "register",
      intruder.register(
        { challenge: options.challenge, rp: { id: relyingParty(env.APP_URL).rpID } },
        origin,
      ),
    );
    expect(
      await finishTeamPasskey({ userId: member.id, sessionKey: second, input: fakeRegistration }),
    ).toEqual({ ok: false, reason: "stale_challenge" });

    const options2 = await verifyOptions(member.id, member.email, second);
    const response = passkey.authenticate(options2 as never, origin);
    expect(
      await finishTeamPasskey({
        userId: member.id,
        sessionKey: second,
        input: answer("verify", response),
      }),
    ).toEqual({ ok: true });
    expect((await findTeamSession({ userId: member.id, sessionKey: second }))?.status).toBe(
      "verified",
    );
    expect(await db.teamPasskey.count({ where: { userId: member.id } })).toBe(1);

    // The same answer again (a replay) finds no challenge on a third session.
    const third = await newSession(member.id);
    await verifyOptions(member.id, member.email, third);
    expect(
      await finishTeamPasskey({
        userId: member.id,
        sessionKey: third,
        input: answer("verify", response),
      }),
    ).toEqual({ ok: false, reason: "stale_challenge" });
    expect((await findTeamSession({ userId: member.id, sessionKey: third }))?.status).toBe(
      "needs-passkey",
    );
  });

  it("refuses a wrong origin, another member's passkey and an unverified user, spending the challenge", async () => {
    const dana = await createTeamMember("tsdana");
    const lee = await createTeamMember("tslee");
    const danaKey = softwarePasskey();
    const leeKey = softwarePasskey();
    await register(dana.id, dana.email, danaKey);
    await register(lee.id, lee.email, leeKey);
    const session = await newSession(dana.id);
    const status = async () =>
      (await findTeamSession({ userId: dana.id, sessionKey: session }))?.status;
    const tryWith = async (respond: (options: Record<string, unknown>) => unknown) => {
      const options = await verifyOptions(dana.id, dana.email, session);
      const input = answer("verify", respond(options as never));
      const result = await finishTeamPasskey({ userId: dana.id, sessionKey: session, input });
      // Spent whatever happened.
      expect(await db.teamPasskeyChallenge.count({ where: { sessionToken: session } })).toBe(0);
      return result;
    };

    expect(await tryWith((o) => danaKey.authenticate(o, "https://evil.example"))).toEqual({
      ok: false,
      reason: "failed",
    });
    expect(await tryWith((o) => leeKey.authenticate(o, origin))).toEqual({
      ok: false,
      reason: "failed",
    });
    const sleepy = softwarePasskey({ userVerified: false });
    expect(
      await tryWith((o) => ({ ...sleepy.authenticate(o, origin), id: danaKey.credentialId })),
    ).toEqual({
      ok: false,
      reason: "failed",
    });
    expect(await status()).toBe("needs-passkey");
    expect(await tryWith((o) => danaKey.authenticate(o, origin))).toEqual({ ok: true });
    expect(await status()).toBe("verified");
  });

  it("a removed member loses every verified session and their passkeys at once", async () => {
    const member = await createTeamMember("tsremoved");
    const session = await register(member.id, member.email, softwarePasskey());
    const pending = await newSession(member.id);
    await startTeamPasskey({ userId: member.id, userName: member.email, sessionKey: pending });

    expect(
      await removeTeamMember({ email: member.email, operator: "test-operator" }),
    ).toMatchObject({
      ok: true,
    });
    expect(await findTeamSession({ userId: member.id, sessionKey: session })).toBeNull();
    expect(await db.teamPasskey.count({ where: { userId: member.id } })).toBe(0);
    expect(await db.teamPasskeyChallenge.count({ where: { userId: member.id } })).toBe(0);
    const sessions = await db.session.findMany({ where: { userId: member.id } });
    expect(sessions.map((s) => s.teamVerifiedAt)).toEqual([null, null]);
  });
});
