-- Issue 16, item 5: removing a tracker row offers "Undo" for a few seconds. The
-- row leaves its table at once (so every read, count and cap is right without
-- a filter) and waits here, ciphertext as stored, until the undo window ends.

-- CreateTable
CREATE TABLE "PendingRemoval" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "row" JSONB NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingRemoval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingRemoval_removedAt_idx" ON "PendingRemoval"("removedAt");

-- CreateIndex
CREATE INDEX "PendingRemoval_userId_idx" ON "PendingRemoval"("userId");

-- AddForeignKey
ALTER TABLE "PendingRemoval" ADD CONSTRAINT "PendingRemoval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
