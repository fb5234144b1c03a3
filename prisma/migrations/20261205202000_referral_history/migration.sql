-- Issue 14: a person whose request was withdrawn or closed can start a new
-- one. The closed referral stays (its timeline, outcome, access log, retention
-- schedule); only one request per person may be open at a time.

-- DropIndex
DROP INDEX "CounselingReferral_userId_key";

-- CreateIndex
CREATE INDEX "CounselingReferral_userId_createdAt_idx" ON "CounselingReferral"("userId", "createdAt");

-- At most one referral per person that is not closed (drafts included): two
-- screens answered at once (two tabs) still make one request.
CREATE UNIQUE INDEX "CounselingReferral_userId_open_key" ON "CounselingReferral"("userId") WHERE "state" <> 'CLOSED';
