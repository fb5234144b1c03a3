import { databaseOutage } from "./database-outage";
import { deadLogReader } from "./dead-log-reader";
import { badInputAtTheEdge } from "./edge";
import type { Drill } from "./harness";
import { killDuringSend } from "./kill-during-send";
import { killDuringWrites } from "./kill-during-writes";
import { sigtermUnderLoad } from "./sigterm";
import { smtpOutage } from "./smtp-outage";

// In order: each drill starts and stops its own instances, so they never overlap.
export const drills: Drill[] = [
  databaseOutage,
  smtpOutage,
  killDuringWrites,
  killDuringSend,
  sigtermUnderLoad,
  badInputAtTheEdge,
  deadLogReader,
];
