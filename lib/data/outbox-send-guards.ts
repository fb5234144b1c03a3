import "server-only";
import { invitationEmailStillWanted } from "@/lib/data/invitation-mail";
import type { OutboxSendGuard } from "@/lib/data/outbox";
import { reminderEmailStillWanted } from "@/lib/data/reminders";
import { sessionReminderStillWanted } from "@/lib/data/session-reminders";
import { parseOutboxPayload, type EmailTemplateName } from "@/lib/data/outbox-payloads";

// The emails that must be re-checked against the database right before they go
// out. An email without a guard is sent as queued.

export const outboxSendGuards: Partial<Record<EmailTemplateName, OutboxSendGuard>> = {
  // Still pending, not expired, the newest link, the same address, not opted out.
  "partner-invitation": async (tx, message) => {
    const data = parseOutboxPayload("partner-invitation", message.data);
    if (!data) return false;
    return invitationEmailStillWanted(tx, {
      invitationId: data.invitationId,
      sendNumber: data.sendNumber,
      to: message.to,
    });
  },
  // Still on (not turned off, not stopped from an email, its hard date not
  // deleted) and not paused.
  reminder: async (tx, message) => {
    const data = parseOutboxPayload("reminder", message.data);
    if (!data) return false;
    return reminderEmailStillWanted(tx, { reminderId: data.reminderId, userId: data.userId });
  },
  // The session is still booked at the same version (a move or a cancel raises
  // its SEQUENCE, so the old time's reminder never goes out), has not started,
  // the recipient is still one of its people or its counselor, and has not
  // turned appointment reminders off.
  "session-reminder": async (tx, message) => {
    const data = parseOutboxPayload("session-reminder", message.data);
    if (!data) return false;
    return sessionReminderStillWanted(tx, {
      sessionId: data.sessionId,
      recipientId: data.recipientId,
      sequence: data.sequence,
    });
  },
};
