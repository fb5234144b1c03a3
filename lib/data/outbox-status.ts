// Shared names for the outbox, with no database access.

/** PostgreSQL NOTIFY channel: enqueueEmail() notifies it, the delivery worker LISTENs on it. */
export const OUTBOX_CHANNEL = "heartwork_outbox";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
