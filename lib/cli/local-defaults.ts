// `npm start` serves the production build (NODE_ENV=production), where
// AUTH_SECRET is required and the development mailbox is off. On a newcomer's
// own machine (APP_URL on localhost, the default) it fills in both, loudly:
// a secret generated into the data folder, and the mailbox when no SMTP server
// is configured; with a local PostgreSQL, also the generated field-encryption and
// address-HMAC keys. On any other APP_URL it adds nothing and production rules apply.

export async function localServerEnv(): Promise<Record<string, string>> {
  const { env } = await import("@/lib/env");
  const host = new URL(env.APP_URL).hostname;
  if (!["localhost", "127.0.0.1", "[::1]"].includes(host)) return {};
  const extra: Record<string, string> = {};
  if (!env.AUTH_SECRET) {
    const { authSecretFile, readOrCreateSecretFile } = await import("@/lib/auth/secret");
    extra.AUTH_SECRET = readOrCreateSecretFile();
    process.stdout.write(`Using the generated AUTH_SECRET in ${authSecretFile()} (local run).\n`);
  }
  if (!env.FIELD_ENCRYPTION_KEYS && env.DATABASE_URL) {
    // The embedded database uses the generated key by itself; a local PostgreSQL gets it here.
    const { fieldKeyFile, formatFieldKeys, readOrCreateKeyFile } =
      await import("@/lib/crypto/field-keys");
    extra.FIELD_ENCRYPTION_KEYS = formatFieldKeys(readOrCreateKeyFile(fieldKeyFile(env)));
    process.stdout.write(
      `Using the generated field-encryption key in ${fieldKeyFile(env)} (local run).\n`,
    );
  }
  if (!env.ADDRESS_HMAC_KEY && env.DATABASE_URL) {
    // Likewise the key of invitees' address HMACs (the embedded database generates its own).
    const { addressHmacKeyFile } = await import("@/lib/crypto/address-hmac");
    const { formatFieldKeys, readOrCreateKeyFile } = await import("@/lib/crypto/field-keys");
    extra.ADDRESS_HMAC_KEY = formatFieldKeys(
      readOrCreateKeyFile(addressHmacKeyFile(env), "address-HMAC"),
    );
    process.stdout.write(
      `Using the generated address-HMAC key in ${addressHmacKeyFile(env)} (local run).\n`,
    );
  }
  const { smtpOptionsFromEnv } = await import("@/lib/email/transport");
  if (!smtpOptionsFromEnv() && env.DEV_MAILBOX === undefined) {
    extra.DEV_MAILBOX = "true";
    process.stdout.write(
      "\n  No SMTP server configured: emails are NOT sent. They are kept in the development\n" +
        `  mailbox at ${env.APP_URL}/dev/mailbox (local use only; set SMTP_URL for real mail).\n\n`,
    );
  }
  return extra;
}
