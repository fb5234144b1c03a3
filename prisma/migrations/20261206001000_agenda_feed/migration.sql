-- The counselor's private calendar feed (issue 15 item 6): /team/agenda makes
-- a link whose random token is shown once; only its SHA-256 is kept here.
-- Revoking sets "revokedAt" and the link stops answering at once. At most one
-- live feed per member (a partial unique index), so replacing a link is one
-- revoke and one insert however often the button is pressed.

-- CreateTable
CREATE TABLE "AgendaFeedToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AgendaFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgendaFeedToken_tokenHash_key" ON "AgendaFeedToken"("tokenHash");
CREATE INDEX "AgendaFeedToken_memberId_idx" ON "AgendaFeedToken"("memberId");
CREATE UNIQUE INDEX "AgendaFeedToken_memberId_live_key" ON "AgendaFeedToken"("memberId")
    WHERE "revokedAt" IS NULL;

-- AddForeignKey: the feed goes with the membership (and the membership with the account).
ALTER TABLE "AgendaFeedToken" ADD CONSTRAINT "AgendaFeedToken_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "TeamMember"("userId") ON DELETE CASCADE ON UPDATE CASCADE;
