import { env } from "@/lib/env";
import { DEFAULT_COUNSELING_INTAKE_EMAIL } from "@/lib/counseling/intake";

// Where the bland "a new referral is waiting" notice goes. Apart from
// lib/counseling/intake.ts because it reads the server's environment (and so
// zod): the intake's constants are imported by client forms, and zod's eval
// probe in the browser is a CSP violation on every page that loads it.

export function counselingIntakeAddress(): string {
  return env.COUNSELING_INTAKE_EMAIL ?? DEFAULT_COUNSELING_INTAKE_EMAIL;
}
