import "server-only";
import { randomBytes } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { db } from "@/lib/db";
import type { TeamRole } from "@/lib/counseling/team";
import {
  challengeInClientData,
  hashChallenge,
  PASSKEY_CHALLENGE_TTL_MS,
  relyingParty,
  teamSessionStatus,
  type PasskeyPurpose,
  type TeamSessionStatus,
} from "@/lib/counseling/team-session";
import type { FinishPasskeyInput } from "@/lib/validations/team-passkey";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// The team's second factor: passkeys (WebAuthn) bound to the session that asks.
//
// - A session names itself by its key (the hashed session token, the Session
//   row's id); every function here takes the user id AND that key, so nobody
//   reaches another person's session or passkeys.
// - A member with no passkey registers one (the email link is the only factor
//   there is at that moment: the first team sign-in). A member with a passkey
//   only verifies: an email-link session can never add a second passkey.
// - A challenge is stored as its SHA-256, lives 5 minutes, belongs to one
//   session, and is deleted by the first answer that names it, valid or not.
// - Origin and rpID come from APP_URL, never from the request.

export type TeamSession = {
  member: { userId: string; role: TeamRole; displayName: string | null };
  status: TeamSessionStatus;
  hasPasskey: boolean;
};

type TeamSessionRow = {
  role: TeamRole;
  displayName: string | null;
  createdAt: Date;
  teamVerifiedAt: Date | null;
  hasPasskey: boolean;
};

/**
 * The caller's team session: null unless `userId` is an active member AND
 * `sessionKey` is one of their sessions. One statement (it runs on every team
 * page and action).
 */
export async function findTeamSession({
  userId,
  sessionKey,
  now = new Date(),
}: {
  userId: string;
  sessionKey: string;
  now?: Date;
}): Promise<TeamSession | null> {
  const [row] = await db.$queryRaw<TeamSessionRow[]>`
    SELECT m."role"::text AS "role", m."displayName", s."createdAt", s."teamVerifiedAt",
           EXISTS (SELECT 1 FROM "TeamPasskey" p WHERE p."userId" = m."userId") AS "hasPasskey"
      FROM "TeamMember" m
      JOIN "Session" s ON s."userId" = m."userId"
     WHERE m."userId" = ${userId} AND m."removedAt" IS NULL AND s."sessionToken" = ${sessionKey}`;
  if (!row) return null;
  return {
    member: { userId, role: row.role, displayName: row.displayName },
    status: teamSessionStatus(row, now),
    hasPasskey: row.hasPasskey,
  };
}

export type PasskeyOptions =
  | { purpose: "register"; options: PublicKeyCredentialCreationOptionsJSON }
  | { purpose: "verify"; options: PublicKeyCredentialRequestOptionsJSON };

/**
 * The options for the browser's passkey prompt, with a fresh challenge stored
 * for this session (replacing any earlier one). Null for a non-member or a
 * session past its 12 hours; "verified" when there is nothing to do.
 */
export async function startTeamPasskey({
  userId,
  userName,
  sessionKey,
  now = new Date(),
}: {
  userId: string;
  /** Shown by the device's passkey list, so the member can tell which account it is. */
  userName: string;
  sessionKey: string;
  now?: Date;
}): Promise<PasskeyOptions | "verified" | null> {
  const session = await findTeamSession({ userId, sessionKey, now });
  if (!session || session.status === "expired") return null;
  if (session.status === "verified") return "verified";
  const { rpID, rpName } = relyingParty(env.APP_URL);

  let answer: PasskeyOptions;
  if (!session.hasPasskey) {
    answer = {
      purpose: "register",
      options: await generateRegistrationOptions({
        rpName,
        rpID,
        userName,
        userDisplayName: session.member.displayName ?? userName,
        // A random user handle, never the user id: the device learns nothing of ours.
        userID: new Uint8Array(randomBytes(32)),
        attestationType: "none",
        authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
      }),
    };
  } else {
    const passkeys = await db.teamPasskey.findMany({
      where: { userId },
      select: { id: true, transports: true },
    });
    answer = {
      purpose: "verify",
      options: await generateAuthenticationOptions({
        rpID,
        allowCredentials: passkeys.map((p) => ({ id: p.id, transports: p.transports })),
        userVerification: "required",
      }),
    };
  }

  const challenge = {
    userId,
    purpose: answer.purpose,
    webauthnUserId: answer.purpose === "register" ? answer.options.user.id : null,
    challengeHash: hashChallenge(answer.options.challenge),
    expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS),
    createdAt: now,
  };
  await db.teamPasskeyChallenge.upsert({
    where: { sessionToken: sessionKey },
    create: { sessionToken: sessionKey, ...challenge },
    update: challenge,
  });
  return answer;
}

/**
 * Deletes this session's pending challenge if it is `challenge`, for
 * `purpose`, and still fresh. Only the one call that deleted it gets the row
 * (with the registration's user handle): a challenge answers once, even when
 * two answers race.
 */
export async function consumePasskeyChallenge({
  userId,
  sessionKey,
  purpose,
  challenge,
  now = new Date(),
}: {
  userId: string;
  sessionKey: string;
  purpose: PasskeyPurpose;
  challenge: string;
  now?: Date;
}): Promise<{ webauthnUserId: string | null } | null> {
  // DELETE … RETURNING: one statement, so of two racing answers only one gets the row.
  const [row] = await db.$queryRaw<Array<{ webauthnUserId: string | null }>>`
    DELETE FROM "TeamPasskeyChallenge"
     WHERE "sessionToken" = ${sessionKey} AND "userId" = ${userId} AND "purpose" = ${purpose}
       AND "challengeHash" = ${hashChallenge(challenge)} AND "expiresAt" > (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
    RETURNING "webauthnUserId"`;
  return row ?? null;
}

export type FinishPasskeyResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "expired_session" | "stale_challenge" | "failed" };

/**
 * Checks the browser's answer to this session's challenge and, when it holds,
 * marks the session as past the passkey (and stores a new passkey when
 * registering). Every refusal changes nothing but spending the challenge.
 */
export async function finishTeamPasskey({
  userId,
  sessionKey,
  input,
  now = new Date(),
}: {
  userId: string;
  sessionKey: string;
  input: FinishPasskeyInput;
  now?: Date;
}): Promise<FinishPasskeyResult> {
  const session = await findTeamSession({ userId, sessionKey, now });
  if (!session) return { ok: false, reason: "not_found" };
  if (session.status === "expired") return { ok: false, reason: "expired_session" };
  if (session.status === "verified") return { ok: true };
  // Registering is for a member without a passkey; one with a passkey verifies.
  if ((input.purpose === "register") === session.hasPasskey) {
    return { ok: false, reason: "stale_challenge" };
  }

  const challenge = challengeInClientData(input.response.response.clientDataJSON);
  const consumed =
    challenge &&
    (await consumePasskeyChallenge({ userId, sessionKey, purpose: input.purpose, challenge, now }));
  if (!challenge || !consumed) return { ok: false, reason: "stale_challenge" };

  const { rpID, origin } = relyingParty(env.APP_URL);
  const expected = {
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: true,
  };
  try {
    if (input.purpose === "register") {
      const result = await verifyRegistrationResponse({ ...expected, response: input.response });
      if (!result.verified) return failed(userId, input.purpose);
      const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
      const stored = await db.$transaction(async (tx) => {
        // Re-checked inside the write: two registrations racing leave one passkey.
        if ((await tx.teamPasskey.count({ where: { userId } })) > 0) return false;
        await tx.teamPasskey.create({
          data: {
            id: credential.id,
            userId,
            publicKey: new Uint8Array(credential.publicKey),
            webauthnUserId: consumed.webauthnUserId ?? randomHandle(),
            counter: BigInt(credential.counter),
            transports: credential.transports ?? input.response.response.transports ?? [],
            deviceType: credentialDeviceType,
            backedUp: credentialBackedUp,
            lastUsedAt: now,
          },
        });
        return markVerified(tx, { userId, sessionKey, now });
      });
      if (!stored) return { ok: false, reason: "stale_challenge" };
    } else {
      const passkey = await db.teamPasskey.findFirst({
        where: { id: input.response.id, userId },
        select: { id: true, publicKey: true, counter: true, transports: true },
      });
      if (!passkey) return failed(userId, input.purpose);
      const result = await verifyAuthenticationResponse({
        ...expected,
        response: input.response,
        credential: {
          id: passkey.id,
          publicKey: new Uint8Array(passkey.publicKey),
          counter: Number(passkey.counter),
          transports: passkey.transports,
        },
      });
      if (!result.verified) return failed(userId, input.purpose);
      const marked = await db.$transaction(async (tx) => {
        await tx.teamPasskey.updateMany({
          where: { id: passkey.id, userId },
          data: { counter: BigInt(result.authenticationInfo.newCounter), lastUsedAt: now },
        });
        return markVerified(tx, { userId, sessionKey, now });
      });
      if (!marked) return { ok: false, reason: "not_found" };
    }
  } catch (error) {
    // The libraries throw on any malformed or mismatched answer (origin, rpID, signature).
    logger.warn(
      { event: "team.passkey_refused", userId, purpose: input.purpose, err: String(error) },
      "passkey answer refused",
    );
    return { ok: false, reason: "failed" };
  }
  logger.info({ event: `team.passkey_${input.purpose}ed`, userId }, "team session verified");
  return { ok: true };
}

function randomHandle(): string {
  return randomBytes(32).toString("base64url");
}

function failed(userId: string, purpose: PasskeyPurpose): FinishPasskeyResult {
  logger.warn({ event: "team.passkey_refused", userId, purpose }, "passkey answer refused");
  return { ok: false, reason: "failed" };
}

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The session passed the passkey, if it is still this active member's. */
async function markVerified(
  tx: Transaction,
  { userId, sessionKey, now }: { userId: string; sessionKey: string; now: Date },
): Promise<boolean> {
  const member = await tx.teamMember.count({ where: { userId, removedAt: null } });
  if (member === 0) return false;
  const { count } = await tx.session.updateMany({
    where: { sessionToken: sessionKey, userId },
    data: { teamVerifiedAt: now },
  });
  return count === 1;
}
