import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadAddressHmacKey } from "@/lib/crypto/address-hmac";
import { loadFieldKeyring } from "@/lib/crypto/field-keys";
import { parseEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

// The start-up warning asks an operator to back up a generated key; it must
// name the key that was generated, or the wrong file gets backed up.

const folders: string[] = [];
const tempFile = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heartwork-key-warning-"));
  folders.push(dir);
  return path.join(dir, name);
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the warning for a generated key", () => {
  it("names the address-HMAC key when that is the one generated", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    loadAddressHmacKey(parseEnv({ ADDRESS_HMAC_KEY_FILE: tempFile("address-hmac.key") }), false);
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![1]);
    expect(message).toMatch(/generated an address-HMAC key in the data folder/);
    expect(message).not.toMatch(/field-encryption/);
  });

  it("names the field-encryption key when that is the one generated", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    loadFieldKeyring(parseEnv({ FIELD_ENCRYPTION_KEY_FILE: tempFile("field.key") }), false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![1])).toMatch(/generated a field-encryption key/);
  });
});
