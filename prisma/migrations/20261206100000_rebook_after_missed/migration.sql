-- A missed first session no longer blocks the referral: the counselor offers
-- new times and the person books again. A held one still does (the first
-- session took place), as does a booked one. So "live" is booked or held,
-- and the index that leaves one live session when two takes race says so.
DROP INDEX "CounselingSession_one_live_per_referral";
CREATE UNIQUE INDEX "CounselingSession_one_live_per_referral" ON "CounselingSession"("referralId") WHERE ("state" IN ('booked', 'held'));
