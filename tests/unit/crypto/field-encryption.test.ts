import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  decryptField,
  encryptField,
  FieldDecryptionError,
  keyIdOf,
  type FieldContext,
} from "@/lib/crypto/field-encryption";
import {
  FieldEncryptionConfigError,
  generateFieldKeyLine,
  keyringFrom,
  loadFieldKeyring,
  parseFieldKeys,
  readOrCreateKeyFile,
} from "@/lib/crypto/field-keys";
import { parseEnv } from "@/lib/env";

const k1 = generateFieldKeyLine("k1");
const k2 = generateFieldKeyLine("k2");
const onlyK1 = keyringFrom(parseFieldKeys(k1));
const rotated = keyringFrom(parseFieldKeys(`${k2},${k1}`));
const alice: FieldContext = { userId: "user_alice", field: "CheckIn.note", row: "2026-11-26" };

describe(encryptField, () => {
  it("round-trips text, including emoji and very long notes", () => {
    for (const text of ["", "I miss him 💔", "x".repeat(5000), "line\nbreak: colons: too"]) {
      expect(decryptField(encryptField(text, alice, onlyK1), alice, onlyK1)).toBe(text);
    }
  });

  it("uses a fresh IV every time, so equal notes never look equal", () => {
    const a = encryptField("same words", alice, onlyK1);
    const b = encryptField("same words", alice, onlyK1);
    expect(a).not.toBe(b);
    expect(a.split(":")[2]).not.toBe(b.split(":")[2]);
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(a).not.toContain("same words");
  });

  it("refuses a value moved to another user, another column or another row", () => {
    const stored = encryptField("private", alice, onlyK1);
    for (const other of [
      { ...alice, userId: "user_bob" },
      { ...alice, field: "Memory.text" },
      { ...alice, row: "2026-11-25" },
    ]) {
      expect(() => decryptField(stored, other, onlyK1)).toThrow(FieldDecryptionError);
    }
  });

  it("refuses a tampered value without revealing anything", () => {
    const stored = encryptField("private", alice, onlyK1);
    const [v, id, iv, sealed] = stored.split(":") as [string, string, string, string];
    const flipped = Buffer.from(sealed, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    for (const bad of [
      `${v}:${id}:${iv}:${flipped.toString("base64url")}`,
      `${v}:${id}:${iv}`,
      `v2:${id}:${iv}:${sealed}`,
      `${v}:unknown:${iv}:${sealed}`,
      "plain text that was never encrypted",
    ]) {
      expect(() => decryptField(bad, alice, onlyK1)).toThrow(/could not decrypt CheckIn.note/);
    }
  });

  it("keeps decrypting old values after a new key becomes current, and encrypts with the new one", () => {
    const old = encryptField("written last year", alice, onlyK1);
    expect(keyIdOf(old)).toBe("k1");
    expect(decryptField(old, alice, rotated)).toBe("written last year");
    const fresh = encryptField("written today", alice, rotated);
    expect(keyIdOf(fresh)).toBe("k2");
    expect(() => decryptField(fresh, alice, onlyK1)).toThrow(FieldDecryptionError);
  });
});

describe(parseFieldKeys, () => {
  it.each([
    ["", /lists no keys/],
    ["k1", /id:base64/],
    ["bad id!:AAAA", /id:base64/],
    ["k1:c2hvcnQ=", /32 bytes/],
    [`${k1},${k1}`, /repeats/],
  ])("refuses %j with a message naming the variable", (value, message) => {
    expect(() => parseFieldKeys(value)).toThrow(FieldEncryptionConfigError);
    expect(() => parseFieldKeys(value)).toThrow(message);
  });
});

describe(loadFieldKeyring, () => {
  const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "heartwork-keys-"));

  it("generates a key file once, mode 0600, and reuses it", () => {
    const file = path.join(tempDir(), "data", "field-encryption.key");
    const config = parseEnv({ FIELD_ENCRYPTION_KEY_FILE: file, LOG_LEVEL: "silent" });
    const first = loadFieldKeyring(config, false);
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe("600");
    const second = loadFieldKeyring(config, false);
    expect(second.current.id).toBe(first.current.id);
    expect(second.current.key.equals(first.current.key)).toBe(true);
  });

  it("never overwrites a key file another process wrote first", () => {
    const file = path.join(tempDir(), "field-encryption.key");
    fs.writeFileSync(file, `${k1}\n`, { mode: 0o600 });
    expect(readOrCreateKeyFile(file)[0]!.id).toBe("k1");
  });

  it("lets the embedded database generate its key in production too", () => {
    const file = path.join(tempDir(), "field-encryption.key");
    const config = parseEnv({ FIELD_ENCRYPTION_KEY_FILE: file, NODE_ENV: "production" });
    expect(loadFieldKeyring(config, true).current.id).toMatch(/^local-/);
  });

  it("requires configured keys in production with PostgreSQL", () => {
    const config = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgres://db/heartwork",
      FIELD_ENCRYPTION_KEY_FILE: path.join(tempDir(), "absent.key"),
    });
    expect(() => loadFieldKeyring(config, true)).toThrow(/FIELD_ENCRYPTION_KEYS is required/);
  });

  it("uses the configured keys first and still reads what the generated key wrote", () => {
    const file = path.join(tempDir(), "field-encryption.key");
    const generated = loadFieldKeyring(parseEnv({ FIELD_ENCRYPTION_KEY_FILE: file }), false);
    const written = encryptField("from the early days", alice, generated);
    const configured = loadFieldKeyring(
      parseEnv({ FIELD_ENCRYPTION_KEY_FILE: file, FIELD_ENCRYPTION_KEYS: k2 }),
      false,
    );
    expect(configured.current.id).toBe("k2");
    expect(decryptField(written, alice, configured)).toBe("from the early days");
  });
});
