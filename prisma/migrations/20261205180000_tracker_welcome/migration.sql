-- The welcome on a person's first visit to /progress (issue 16): when it was
-- finished or skipped, and their answer to the offer of reminders (null: not
-- asked or skipped). People who already saved their settings have been
-- welcomed in all but name, so they do not see it.

-- AlterTable
ALTER TABLE "TrackerSettings" ADD COLUMN "welcomedAt" TIMESTAMP(3),
ADD COLUMN "remindersWanted" BOOLEAN;

UPDATE "TrackerSettings" SET "welcomedAt" = "createdAt";
