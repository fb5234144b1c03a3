-- The counseling team's side: team members and their roles (granted only from
-- the command line, every change recorded), their passkeys, who owns each
-- referral and how it closed, the referral's message threads (text encrypted
-- in the application) and the log of every opening of a referral by the team.

-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('counselor', 'coordinator');

-- CreateEnum
CREATE TYPE "TeamRoleAction" AS ENUM ('added', 'changed', 'removed');

-- CreateEnum
CREATE TYPE "ReferralState" AS ENUM ('NEW', 'CLAIMED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ReferralOutcome" AS ENUM ('COUNSELING_STARTED', 'REFERRED_ELSEWHERE', 'NO_RESPONSE', 'WITHDRAWN', 'OTHER');

-- CreateEnum
CREATE TYPE "MessageThread" AS ENUM ('PERSON', 'PARTNER', 'SHARED');

-- CreateEnum
CREATE TYPE "MessageAuthor" AS ENUM ('PERSON', 'PARTNER', 'TEAM');

-- AlterTable
ALTER TABLE "CounselingReferral" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "claimedById" TEXT,
ADD COLUMN     "closeOutcome" "ReferralOutcome",
ADD COLUMN     "closeResources" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "state" "ReferralState" NOT NULL DEFAULT 'NEW',
ADD COLUMN     "textErasedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TeamMember" (
    "userId" TEXT NOT NULL,
    "role" "TeamRole" NOT NULL,
    "displayName" TEXT,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "TeamRoleChange" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "action" "TeamRoleAction" NOT NULL,
    "role" "TeamRole",
    "previousRole" "TeamRole",
    "operator" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamRoleChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamPasskey" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "webauthnUserId" TEXT NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "deviceType" TEXT NOT NULL,
    "backedUp" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "TeamPasskey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CounselingMessage" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "thread" "MessageThread" NOT NULL,
    "authorId" TEXT,
    "authorKind" "MessageAuthor" NOT NULL,
    "text" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CounselingMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralAccess" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "viewerId" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TeamRoleChange_userId_idx" ON "TeamRoleChange"("userId");

-- CreateIndex
CREATE INDEX "TeamRoleChange_createdAt_idx" ON "TeamRoleChange"("createdAt");

-- CreateIndex
CREATE INDEX "TeamPasskey_userId_idx" ON "TeamPasskey"("userId");

-- CreateIndex
CREATE INDEX "CounselingMessage_referralId_thread_createdAt_idx" ON "CounselingMessage"("referralId", "thread", "createdAt");

-- CreateIndex
CREATE INDEX "CounselingMessage_authorId_idx" ON "CounselingMessage"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "CounselingMessage_referralId_requestKey_key" ON "CounselingMessage"("referralId", "requestKey");

-- CreateIndex
CREATE INDEX "ReferralAccess_referralId_openedAt_idx" ON "ReferralAccess"("referralId", "openedAt");

-- CreateIndex
CREATE INDEX "ReferralAccess_viewerId_idx" ON "ReferralAccess"("viewerId");

-- CreateIndex
CREATE INDEX "CounselingReferral_claimedById_idx" ON "CounselingReferral"("claimedById");

-- CreateIndex
CREATE INDEX "CounselingReferral_state_intakeSubmittedAt_id_idx" ON "CounselingReferral"("state", "intakeSubmittedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CounselingReferral_intakeSubmittedAt_id_idx" ON "CounselingReferral"("intakeSubmittedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CounselingReferral_closedAt_idx" ON "CounselingReferral"("closedAt");

-- AddForeignKey
ALTER TABLE "CounselingReferral" ADD CONSTRAINT "CounselingReferral_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamRoleChange" ADD CONSTRAINT "TeamRoleChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamPasskey" ADD CONSTRAINT "TeamPasskey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounselingMessage" ADD CONSTRAINT "CounselingMessage_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "CounselingReferral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounselingMessage" ADD CONSTRAINT "CounselingMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralAccess" ADD CONSTRAINT "ReferralAccess_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "CounselingReferral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralAccess" ADD CONSTRAINT "ReferralAccess_viewerId_fkey" FOREIGN KEY ("viewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
