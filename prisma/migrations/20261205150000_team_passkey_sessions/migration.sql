-- The counseling team's second factor (docs/counseling-team.md, "The passkey").
--
-- "teamVerifiedAt" records when this session passed a team member's passkey;
-- lib/auth/team-access.ts opens team pages and actions only for a session that
-- has it (and is at most 12 hours old). A new sign-in is a new row, so every
-- new session must pass the passkey again.
ALTER TABLE "Session" ADD COLUMN "teamVerifiedAt" TIMESTAMP(3);

-- One pending WebAuthn challenge per session: only its SHA-256 is kept, it
-- lives 5 minutes and is deleted by the verification that uses it (single
-- use). It goes with its session.
CREATE TABLE "TeamPasskeyChallenge" (
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "challengeHash" TEXT NOT NULL,
    "webauthnUserId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamPasskeyChallenge_pkey" PRIMARY KEY ("sessionToken")
);

ALTER TABLE "TeamPasskeyChallenge" ADD CONSTRAINT "TeamPasskeyChallenge_sessionToken_fkey" FOREIGN KEY ("sessionToken") REFERENCES "Session"("sessionToken") ON DELETE CASCADE ON UPDATE CASCADE;
