import { randomBytes } from "node:crypto";

/**
 * The secrets a production server refuses to start without (lib/server/start.ts),
 * fresh for one benchmark or drill run: its servers never share keys with a
 * real deployment, and a fresh clone needs no setup for them.
 */
export function freshServerSecrets(): {
  AUTH_SECRET: string;
  FIELD_ENCRYPTION_KEYS: string;
  ADDRESS_HMAC_KEY: string;
} {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    FIELD_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString("base64")}`,
    ADDRESS_HMAC_KEY: `a1:${randomBytes(32).toString("base64")}`,
  };
}
