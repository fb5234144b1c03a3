-- Issue 15: booking the free first session. The holder of a referral offers
-- times (OfferedTime); the person or the joined partner takes one
-- (CounselingSession). Two rules are the database's, so no interleaving of
-- requests can break them:
--   * one live session per referral (partial unique index);
--   * a counselor is never in two live sessions at once (exclusion
--     constraint on the counselor and the session's time range; btree_gist
--     gives text equality to the GiST index; PGlite loads the same extension).

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- CreateEnum
CREATE TYPE "JoinKind" AS ENUM ('video', 'phone', 'address');
CREATE TYPE "SessionState" AS ENUM ('booked', 'cancelled', 'held', 'missed');

-- AlterTable
ALTER TABLE "TeamMember" ADD COLUMN "timeZone" TEXT;

-- CreateTable
CREATE TABLE "OfferedTime" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "counselorId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "lengthMinutes" INTEGER NOT NULL DEFAULT 50,
    "joinKind" "JoinKind" NOT NULL,
    "joinDetail" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferedTime_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OfferedTime_length_check" CHECK ("lengthMinutes" BETWEEN 15 AND 240)
);

-- CreateTable
CREATE TABLE "CounselingSession" (
    "id" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "offeredTimeId" TEXT,
    "counselorId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "lengthMinutes" INTEGER NOT NULL,
    "state" "SessionState" NOT NULL DEFAULT 'booked',
    "icsUid" TEXT NOT NULL,
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "bookedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "cancelledBy" TEXT,
    "markedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CounselingSession_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CounselingSession_length_check" CHECK ("lengthMinutes" BETWEEN 15 AND 240),
    -- Timestamps are UTC without a zone (Prisma's TIMESTAMP(3)), so the range is
    -- of plain timestamps; half-open, so back-to-back sessions do not overlap.
    CONSTRAINT "CounselingSession_counselor_no_overlap" EXCLUDE USING gist (
        "counselorId" WITH =,
        tsrange("startsAt", "startsAt" + make_interval(mins => "lengthMinutes"), '[)') WITH &&
    ) WHERE ("state" <> 'cancelled')
);

-- CreateIndex
CREATE INDEX "OfferedTime_referralId_startsAt_idx" ON "OfferedTime"("referralId", "startsAt");
CREATE INDEX "OfferedTime_counselorId_idx" ON "OfferedTime"("counselorId");
CREATE UNIQUE INDEX "CounselingSession_icsUid_key" ON "CounselingSession"("icsUid");
CREATE INDEX "CounselingSession_referralId_idx" ON "CounselingSession"("referralId");
CREATE INDEX "CounselingSession_counselorId_startsAt_idx" ON "CounselingSession"("counselorId", "startsAt");
CREATE INDEX "CounselingSession_state_startsAt_idx" ON "CounselingSession"("state", "startsAt");
-- One live (not cancelled) session per referral: two takes at once leave one.
CREATE UNIQUE INDEX "CounselingSession_one_live_per_referral" ON "CounselingSession"("referralId") WHERE ("state" <> 'cancelled');

-- AddForeignKey
ALTER TABLE "OfferedTime" ADD CONSTRAINT "OfferedTime_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "CounselingReferral"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OfferedTime" ADD CONSTRAINT "OfferedTime_counselorId_fkey" FOREIGN KEY ("counselorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CounselingSession" ADD CONSTRAINT "CounselingSession_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "CounselingReferral"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CounselingSession" ADD CONSTRAINT "CounselingSession_offeredTimeId_fkey" FOREIGN KEY ("offeredTimeId") REFERENCES "OfferedTime"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CounselingSession" ADD CONSTRAINT "CounselingSession_counselorId_fkey" FOREIGN KEY ("counselorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
