import "server-only";
import { expirePartnerInvitations } from "@/lib/data/partner-invitations";
import type { JobDefinition } from "@/lib/jobs/job-definition";

// Invitations past their 7 days become "expired" and forget the invitee's
// address. Pages only compute expiry (a GET never writes), so this job is what
// erases the address of an invitation nobody answered. Every minute: the
// address should not outlive the invitation by much.
export const expirePartnerInvitationsJob: JobDefinition = {
  name: "expire-partner-invitations",
  schedule: { everyMs: 60_000 },
  run: () => expirePartnerInvitations(),
};
