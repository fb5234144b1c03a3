import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { fieldKeyring, type FieldKeyring } from "@/lib/crypto/field-keys";

// Application-level encryption for free text (journal notes, memories, names).
// AES-256-GCM with a random 12-byte IV per value. The associated data binds a
// ciphertext to its owner, its column and its row, so a value copied into
// another user's row (or another column, or another row) fails to decrypt
// instead of quietly showing someone else's words. Stored format:
//   v1:<keyId>:<iv, base64url>:<ciphertext + 16-byte tag, base64url>
// The key id lets old values decrypt after a new key becomes the current one.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type FieldContext = {
  /** The owner of the row. */
  userId: string;
  /** "Model.field", e.g. "CheckIn.note". */
  field: string;
  /** What identifies the row within the owner's rows: its id, or its natural key. */
  row: string;
};

export class FieldDecryptionError extends Error {
  override name = "FieldDecryptionError";
  constructor(readonly field: string) {
    super(`could not decrypt ${field}`);
  }
}

function associatedData({ userId, field, row }: FieldContext): Buffer {
  // NUL separators: no id or field name contains one, so no two contexts collide.
  return Buffer.from(`heartwork-field\0${VERSION}\0${userId}\0${field}\0${row}`, "utf8");
}

export function encryptField(
  plaintext: string,
  context: FieldContext,
  keyring: FieldKeyring = fieldKeyring(),
): string {
  const { id, key } = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(context));
  const sealed = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${VERSION}:${id}:${iv.toString("base64url")}:${sealed.toString("base64url")}`;
}

export function decryptField(
  stored: string,
  context: FieldContext,
  keyring: FieldKeyring = fieldKeyring(),
): string {
  const [version, keyId, ivText, sealedText, ...rest] = stored.split(":");
  const key = keyId ? keyring.byId.get(keyId) : undefined;
  if (version !== VERSION || !key || !ivText || !sealedText || rest.length > 0) {
    throw new FieldDecryptionError(context.field);
  }
  const iv = Buffer.from(ivText, "base64url");
  const sealed = Buffer.from(sealedText, "base64url");
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) {
    throw new FieldDecryptionError(context.field);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(context));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new FieldDecryptionError(context.field);
  }
}

/** `encryptField` for optional columns: empty stays null. */
export function encryptOptionalField(
  plaintext: string | null | undefined,
  context: FieldContext,
  keyring?: FieldKeyring,
): string | null {
  return plaintext ? encryptField(plaintext, context, keyring) : null;
}

/** The key id a stored value was encrypted with (for re-encryption after rotation). */
export function keyIdOf(stored: string): string | null {
  const [version, keyId] = stored.split(":");
  return version === VERSION && keyId ? keyId : null;
}
