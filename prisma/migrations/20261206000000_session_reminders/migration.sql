-- Issue 15: reminders 24 hours and 1 hour before a booked first session.
--
-- Each booked session holds the instant its next reminder is due and which
-- one it is (24 or 1 hours before); the scheduler claims due sessions with
-- SKIP LOCKED, queues one email per participant keyed by session, SEQUENCE,
-- reminder and recipient, and moves the session on to its next reminder in the
-- same transaction. A move, a cancel or a mark rewrites or clears them.

-- AlterTable
ALTER TABLE "CounselingSession" ADD COLUMN "nextReminderAt" TIMESTAMP(3),
ADD COLUMN "nextReminderHours" INTEGER;

-- CreateIndex
CREATE INDEX "CounselingSession_nextReminderAt_idx" ON "CounselingSession"("nextReminderAt");

-- Appointment reminders are on unless the person turns them off.
-- AlterTable
ALTER TABLE "ReminderSettings" ADD COLUMN "sessionRemindersEnabled" BOOLEAN NOT NULL DEFAULT true;

-- Sessions booked before this change: their next reminder that is still ahead.
UPDATE "CounselingSession"
   SET "nextReminderAt" = CASE
         WHEN "startsAt" - INTERVAL '24 hours' > (now() AT TIME ZONE 'UTC') THEN "startsAt" - INTERVAL '24 hours'
         ELSE "startsAt" - INTERVAL '1 hour'
       END,
       "nextReminderHours" = CASE
         WHEN "startsAt" - INTERVAL '24 hours' > (now() AT TIME ZONE 'UTC') THEN 24
         ELSE 1
       END
 WHERE "state" = 'booked' AND "startsAt" - INTERVAL '1 hour' > (now() AT TIME ZONE 'UTC');
