import "server-only";
import { purgeExpiredRemovals } from "@/lib/data/pending-removals";
import type { JobDefinition } from "@/lib/jobs/job-definition";

// A removed tracker row waits a few seconds for Undo (lib/tracker/removals.ts).
// Removals and undos purge too, but a person who removes one row and leaves
// would leave its copy behind: this round erases it within 10 seconds of its
// window ending. With nothing expired a run is one indexed DELETE.
export const purgeExpiredRemovalsJob: JobDefinition = {
  name: "purge-expired-removals",
  schedule: { everyMs: 10_000 },
  run: () => purgeExpiredRemovals(),
};
