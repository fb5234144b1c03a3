-- Issue 16, items 6-7: opt-in reminders (their settings, one row per reminder
-- with its next due instant, the hashed one-click stop tokens) and the "I want
-- to text them" pauses (draft and trigger encrypted in the application).

-- CreateEnum
CREATE TYPE "PauseOutcome" AS ENUM ('REACHED_OUT', 'SLIPPED', 'KEPT_DRAFT');

-- CreateTable
CREATE TABLE "ReminderSettings" (
    "userId" TEXT NOT NULL,
    "dailyEnabled" BOOLEAN NOT NULL DEFAULT false,
    "dailyMinute" INTEGER NOT NULL DEFAULT 1200,
    "hardDatesEnabled" BOOLEAN NOT NULL DEFAULT false,
    "hardDateDaysBefore" INTEGER NOT NULL DEFAULT 7,
    "pausedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hardDateId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "dueDay" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderStopToken" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderStopToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "TextPause" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "draft" TEXT,
    "trigger" TEXT,
    "outcome" "PauseOutcome",
    "requestKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TextPause_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_hardDateId_key" ON "Reminder"("hardDateId");
CREATE INDEX "Reminder_dueAt_idx" ON "Reminder"("dueAt");
CREATE INDEX "Reminder_userId_idx" ON "Reminder"("userId");
CREATE INDEX "ReminderStopToken_userId_idx" ON "ReminderStopToken"("userId");
CREATE UNIQUE INDEX "TextPause_userId_requestKey_key" ON "TextPause"("userId", "requestKey");
CREATE INDEX "TextPause_userId_day_idx" ON "TextPause"("userId", "day");

-- AddForeignKey
ALTER TABLE "ReminderSettings" ADD CONSTRAINT "ReminderSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_hardDateId_fkey" FOREIGN KEY ("hardDateId") REFERENCES "HardDate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReminderStopToken" ADD CONSTRAINT "ReminderStopToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TextPause" ADD CONSTRAINT "TextPause_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
