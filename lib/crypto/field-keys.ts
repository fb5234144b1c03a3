import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, isProduction, type Env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Where the field-encryption keys come from. FIELD_ENCRYPTION_KEYS lists
// "id:base64" keys, newest first: the first encrypts, all of them decrypt, so
// a key can be rotated in without rewriting old rows (see README, "Field
// encryption"). With the embedded database and no keys configured, a key is
// generated once into the data folder (mode 0600): the newcomer's default,
// which must be backed up with the data. A production deployment on
// PostgreSQL must configure its keys: a key file beside a remote database is
// a key nobody backs up.

export const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export type FieldKey = { id: string; key: Buffer };
export type FieldKeyring = { current: FieldKey; byId: ReadonlyMap<string, Buffer> };

export class FieldEncryptionConfigError extends Error {
  override name = "FieldEncryptionConfigError";
}

/** Parses "k2:base64,k1:base64" (the format of both the variable and the key file). */
export function parseFieldKeys(value: string, source = "FIELD_ENCRYPTION_KEYS"): FieldKey[] {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new FieldEncryptionConfigError(`${source} lists no keys`);
  const seen = new Set<string>();
  return entries.map((entry) => {
    const colon = entry.indexOf(":");
    const id = colon > 0 ? entry.slice(0, colon) : "";
    const material = colon > 0 ? entry.slice(colon + 1) : "";
    if (!KEY_ID.test(id)) {
      throw new FieldEncryptionConfigError(
        `${source}: each key must look like "id:base64" with an id of letters, digits, - or _`,
      );
    }
    if (seen.has(id)) throw new FieldEncryptionConfigError(`${source}: key id "${id}" repeats`);
    seen.add(id);
    const key = Buffer.from(material, "base64");
    if (key.length !== KEY_BYTES || key.toString("base64") !== material.replace(/\s/g, "")) {
      throw new FieldEncryptionConfigError(
        `${source}: key "${id}" must be ${KEY_BYTES} bytes of base64 (openssl rand -base64 32)`,
      );
    }
    return { id, key };
  });
}

export function keyringFrom(keys: ReadonlyArray<FieldKey>, extra: ReadonlyArray<FieldKey> = []) {
  const [current] = keys;
  if (!current) throw new FieldEncryptionConfigError("no field-encryption key configured");
  const byId = new Map<string, Buffer>();
  for (const { id, key } of [...extra, ...keys]) byId.set(id, key);
  return { current, byId } satisfies FieldKeyring;
}

export function generateFieldKeyLine(id = `local-${randomBytes(3).toString("hex")}`): string {
  return `${id}:${randomBytes(KEY_BYTES).toString("base64")}`;
}

// (turbopackIgnore: the key file is read at run time, never traced into the build.)

/** What a generated key file holds, for the warning that asks for a backup of it. */
export type GeneratedKeyKind = "field-encryption" | "address-HMAC";

/** Reads the key file, creating it atomically (never half-written, never overwritten) when absent. */
export function readOrCreateKeyFile(
  file: string,
  kind: GeneratedKeyKind = "field-encryption",
): FieldKey[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    fs.writeFileSync(/*turbopackIgnore: true*/ temporary, `${generateFieldKeyLine()}\n`, {
      mode: 0o600,
      flag: "wx",
    });
    try {
      fs.linkSync(/*turbopackIgnore: true*/ temporary, file); // fails if another process created it first: theirs wins
      logger.warn(
        { event: "field_keys.generated", kind, file },
        `generated ${kind === "address-HMAC" ? "an" : "a"} ${kind} key in the data folder: back it up with the data`,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(/*turbopackIgnore: true*/ temporary, { force: true });
    }
  }
  return parseFieldKeys(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"), file);
}

/** The generated key's file: FIELD_ENCRYPTION_KEY_FILE, or DATA_DIR/field-encryption.key. */
export function fieldKeyFile(config: Env = env): string {
  return path.resolve(
    /*turbopackIgnore: true*/ config.FIELD_ENCRYPTION_KEY_FILE ??
      path.join(config.DATA_DIR, "field-encryption.key"),
  );
}

export function formatFieldKeys(keys: ReadonlyArray<FieldKey>): string {
  return keys.map(({ id, key }) => `${id}:${key.toString("base64")}`).join(",");
}

export function loadFieldKeyring(config: Env = env, production = isProduction): FieldKeyring {
  const file = fieldKeyFile(config);
  if (config.FIELD_ENCRYPTION_KEYS) {
    const keys = parseFieldKeys(config.FIELD_ENCRYPTION_KEYS);
    // A generated key from the embedded-database days keeps decrypting what it wrote.
    const legacy = fs.existsSync(/*turbopackIgnore: true*/ file)
      ? parseFieldKeys(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"), file)
      : [];
    return keyringFrom(keys, legacy);
  }
  if (production && config.DATABASE_URL) {
    throw new FieldEncryptionConfigError(
      "FIELD_ENCRYPTION_KEYS is required in production with PostgreSQL. Generate one with " +
        '`echo "k1:$(openssl rand -base64 32)"` and keep it somewhere safer than the database.',
    );
  }
  return keyringFrom(readOrCreateKeyFile(file));
}

const cache = globalThis as unknown as { __heartworkFieldKeyring?: FieldKeyring };

/** The process's keyring, loaded on first use (never during `next build`). */
export function fieldKeyring(): FieldKeyring {
  return (cache.__heartworkFieldKeyring ??= loadFieldKeyring());
}
