import { loadAddressHmacKey } from "@/lib/crypto/address-hmac";
import { EnvError, env, isProduction, type Env } from "@/lib/env";

// Checked when the server starts, so a deployment missing what the counseling
// flow needs fails at once with the variable's name, not at the first
// invitation (SECURITY.md 19: nothing acknowledged may be lost).

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function checkCounselingConfig(config: Env = env, production = isProduction): void {
  try {
    loadAddressHmacKey(config, production);
  } catch (error) {
    throw new EnvError(`Invalid environment variable ${(error as Error).message}`);
  }
  const local = LOCAL_HOSTS.has(new URL(config.APP_URL).hostname);
  if (production && !local && !config.COUNSELING_INTAKE_EMAIL) {
    throw new EnvError(
      "Invalid environment variable COUNSELING_INTAKE_EMAIL: required in production " +
        "(the counseling team's inbox, where new referrals are announced)",
    );
  }
}
