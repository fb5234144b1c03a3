-- Couples counseling: a person's referral (the safety screen's outcome only,
-- never its answers; the intake with encrypted free text), the invitations it
-- sends to a partner (token stored as a SHA-256 hash, the invitee's address
-- kept only while needed beside its HMAC) and the do-not-contact list (HMACs).

-- CreateEnum
CREATE TYPE "SafetyScreenOutcome" AS ENUM ('CLEAR', 'CONCERN');

-- CreateEnum
CREATE TYPE "CounselingFormat" AS ENUM ('COUPLES', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "CounselingFocus" AS ENUM ('COMMUNICATION', 'TRUST', 'CONFLICT', 'INTIMACY', 'RECONNECTING', 'LIFE_CHANGES', 'PARENTING', 'DECIDING_FUTURE');

-- CreateEnum
CREATE TYPE "CounselingTime" AS ENUM ('WEEKDAY_MORNING', 'WEEKDAY_AFTERNOON', 'WEEKDAY_EVENING', 'WEEKEND');

-- CreateEnum
CREATE TYPE "CounselingContact" AS ENUM ('EMAIL', 'PHONE');

-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('pending', 'accepted', 'declined', 'expired', 'revoked');

-- CreateTable
CREATE TABLE "CounselingReferral" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "screenOutcome" "SafetyScreenOutcome" NOT NULL,
    "screenedAt" TIMESTAMP(3) NOT NULL,
    "format" "CounselingFormat",
    "focuses" "CounselingFocus"[],
    "preferredTimes" "CounselingTime"[],
    "contactMethod" "CounselingContact",
    "phone" TEXT,
    "safeToLeaveMessage" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "shareFocuses" BOOLEAN NOT NULL DEFAULT false,
    "shareNote" BOOLEAN NOT NULL DEFAULT false,
    "intakeSubmittedAt" TIMESTAMP(3),
    "partnerId" TEXT,
    "partnerLinkedAt" TIMESTAMP(3),
    "partnerScreenOutcome" "SafetyScreenOutcome",
    "partnerScreenedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CounselingReferral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerInvitation" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "inviterId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "status" "InvitationStatus" NOT NULL DEFAULT 'pending',
    "recipientEmail" TEXT,
    "recipientHmac" TEXT NOT NULL,
    "recipientHint" TEXT,
    "inviterName" TEXT NOT NULL,
    "message" TEXT,
    "declineNote" TEXT,
    "resendCount" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),
    "requestKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DoNotContact" (
    "addressHmac" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DoNotContact_pkey" PRIMARY KEY ("addressHmac")
);

-- CreateIndex
CREATE UNIQUE INDEX "CounselingReferral_userId_key" ON "CounselingReferral"("userId");

-- CreateIndex
CREATE INDEX "CounselingReferral_partnerId_idx" ON "CounselingReferral"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerInvitation_tokenHash_key" ON "PartnerInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "PartnerInvitation_referralId_idx" ON "PartnerInvitation"("referralId");

-- CreateIndex
CREATE INDEX "PartnerInvitation_inviterId_status_idx" ON "PartnerInvitation"("inviterId", "status");

-- CreateIndex
CREATE INDEX "PartnerInvitation_recipientHmac_status_idx" ON "PartnerInvitation"("recipientHmac", "status");

-- CreateIndex
CREATE INDEX "PartnerInvitation_status_expiresAt_idx" ON "PartnerInvitation"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerInvitation_inviterId_requestKey_key" ON "PartnerInvitation"("inviterId", "requestKey");

-- AddForeignKey
ALTER TABLE "CounselingReferral" ADD CONSTRAINT "CounselingReferral_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CounselingReferral" ADD CONSTRAINT "CounselingReferral_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInvitation" ADD CONSTRAINT "PartnerInvitation_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "CounselingReferral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInvitation" ADD CONSTRAINT "PartnerInvitation_inviterId_fkey" FOREIGN KEY ("inviterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
