// Shared names for the outbox, importable from anywhere (no database access).

/** PostgreSQL NOTIFY channel the worker LISTENs on. */
export const OUTBOX_CHANNEL = "heartwork_outbox";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
