-- Invitations are matched on the canonical address too (plus tag removed; for
-- gmail.com and googlemail.com, dots removed and the domains folded), so that
-- "never contact me again" and a decline cannot be bypassed by writing the
-- same mailbox another way. SQL cannot compute an HMAC (the key lives in the
-- application), so existing rows take their exact address's HMAC: that is the
-- canonical HMAC whenever the address was already canonical, and the
-- application matches every new address by both its canonical and its exact
-- HMAC, so no existing opt-out or decline stops matching.

-- AlterTable
ALTER TABLE "PartnerInvitation" ADD COLUMN "recipientCanonicalHmac" TEXT;
UPDATE "PartnerInvitation" SET "recipientCanonicalHmac" = "recipientHmac";
ALTER TABLE "PartnerInvitation" ALTER COLUMN "recipientCanonicalHmac" SET NOT NULL;

-- CreateIndex
CREATE INDEX "PartnerInvitation_recipientCanonicalHmac_status_idx" ON "PartnerInvitation"("recipientCanonicalHmac", "status");
