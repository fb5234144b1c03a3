import { createHmac } from "node:crypto";
import path from "node:path";
import {
  FieldEncryptionConfigError,
  parseFieldKeys,
  readOrCreateKeyFile,
} from "@/lib/crypto/field-keys";
import { env, isProduction, type Env } from "@/lib/env";
import { canonicalEmailAddress } from "@/lib/addresses/canonical-email-address";

// An invitee's address is kept in clear only while an invitation needs it. What
// must outlive it — "this address asked never to be contacted", "this address
// declined you", "this signed-in account is the invited one" — is checked
// against an HMAC of the normalized address instead. A plain SHA-256 would not
// do: the space of likely addresses is small enough to hash in bulk.
//
// The key uses the field keys' "id:base64" format and file handling, but there
// is exactly one and it never rotates: a new key would make every stored HMAC
// (and so every opt-out) silently stop matching.

export class AddressHmacConfigError extends FieldEncryptionConfigError {
  override name = "AddressHmacConfigError";
}

/** The generated key's file: ADDRESS_HMAC_KEY_FILE, or DATA_DIR/address-hmac.key. */
export function addressHmacKeyFile(config: Env = env): string {
  return path.resolve(
    /*turbopackIgnore: true*/ config.ADDRESS_HMAC_KEY_FILE ??
      path.join(config.DATA_DIR, "address-hmac.key"),
  );
}

export function loadAddressHmacKey(config: Env = env, production = isProduction): Buffer {
  const keys = config.ADDRESS_HMAC_KEY
    ? parseFieldKeys(config.ADDRESS_HMAC_KEY, "ADDRESS_HMAC_KEY")
    : production && config.DATABASE_URL
      ? null
      : readOrCreateKeyFile(addressHmacKeyFile(config), "address-HMAC");
  if (!keys) {
    throw new AddressHmacConfigError(
      "ADDRESS_HMAC_KEY is required in production with PostgreSQL. Generate one with " +
        '`echo "a1:$(openssl rand -base64 32)"`, keep it with your backups and never change it.',
    );
  }
  if (keys.length !== 1) {
    throw new AddressHmacConfigError(
      "ADDRESS_HMAC_KEY must hold exactly one key: stored address HMACs cannot be re-keyed",
    );
  }
  return keys[0]!.key;
}

const cache = globalThis as unknown as { __heartworkAddressHmacKey?: Buffer };

/** Lower-cased and trimmed: the form every address is compared in. */
export function normalizeAddressForHmac(address: string): string {
  return address.trim().toLowerCase();
}

/** HMAC-SHA-256 of the normalized address, base64url. */
export function addressHmac(address: string, key?: Buffer): string {
  const secret = key ?? (cache.__heartworkAddressHmacKey ??= loadAddressHmacKey());
  return createHmac("sha256", secret)
    .update(`heartwork-address\0${normalizeAddressForHmac(address)}`, "utf8")
    .digest("base64url");
}

/** HMAC of the canonical address: one value for every spelling of the same mailbox. */
export function canonicalAddressHmac(address: string, key?: Buffer): string {
  return addressHmac(canonicalEmailAddress(address), key);
}

/**
 * The HMACs a stored canonical HMAC may hold for this address: its canonical
 * HMAC (every row written since canonical matching) and its exact HMAC (rows
 * written before, which could only hash the address as typed). Both are
 * checked, so no opt-out or decline made before the change stops matching.
 */
export function addressHmacsToMatch(address: string, key?: Buffer): string[] {
  return [...new Set([canonicalAddressHmac(address, key), addressHmac(address, key)])];
}

/** "j•••@example.com": enough for the inviter to recognise, nothing more. */
export function maskAddress(address: string): string {
  const normalized = normalizeAddressForHmac(address);
  const at = normalized.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${[...normalized.slice(0, at)][0]}•••${normalized.slice(at)}`;
}
