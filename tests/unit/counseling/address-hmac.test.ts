import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  addressHmac,
  AddressHmacConfigError,
  loadAddressHmacKey,
  maskAddress,
} from "@/lib/crypto/address-hmac";
import { checkCounselingConfig } from "@/lib/counseling/config";
import { parseEnv } from "@/lib/env";

const key = randomBytes(32);

describe(addressHmac, () => {
  it("matches the same address whatever its case or surrounding spaces", () => {
    expect(addressHmac(" Ana@Example.COM ", key)).toBe(addressHmac("ana@example.com", key));
    expect(addressHmac("ana@example.com", key)).not.toBe(addressHmac("ana2@example.com", key));
  });

  it("depends on the key, so a list of likely addresses cannot be hashed to find matches", () => {
    expect(addressHmac("ana@example.com", key)).not.toBe(
      addressHmac("ana@example.com", randomBytes(32)),
    );
    expect(addressHmac("ana@example.com", key)).not.toContain("ana");
  });
});

describe(maskAddress, () => {
  it("keeps the first letter and the domain", () => {
    expect(maskAddress("Jordan@Example.com")).toBe("j•••@example.com");
    expect(maskAddress("broken")).toBe("•••");
  });
});

describe(loadAddressHmacKey, () => {
  it("is required in production with PostgreSQL", () => {
    const config = parseEnv({ DATABASE_URL: "postgres://db/hw", NODE_ENV: "production" });
    expect(() => loadAddressHmacKey(config, true)).toThrow(AddressHmacConfigError);
    expect(() => loadAddressHmacKey(config, true)).toThrow(/ADDRESS_HMAC_KEY is required/);
  });

  it("takes exactly one configured key", () => {
    const line = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;
    const one = parseEnv({ ADDRESS_HMAC_KEY: line("a1") });
    expect(loadAddressHmacKey(one, true)).toHaveLength(32);
    const two = parseEnv({ ADDRESS_HMAC_KEY: `${line("a2")},${line("a1")}` });
    expect(() => loadAddressHmacKey(two, true)).toThrow(/exactly one key/);
  });

  it("generates a key into the data folder once, and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hw-hmac-"));
    try {
      const config = parseEnv({ ADDRESS_HMAC_KEY_FILE: path.join(dir, "address-hmac.key") });
      const first = loadAddressHmacKey(config, false);
      expect(loadAddressHmacKey(config, false).equals(first)).toBe(true);
      expect(fs.statSync(path.join(dir, "address-hmac.key")).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(checkCounselingConfig, () => {
  const key = `a1:${randomBytes(32).toString("base64")}`;

  it("asks a public production deployment for the counseling team's inbox", () => {
    const config = parseEnv({ APP_URL: "https://heartwork.example", ADDRESS_HMAC_KEY: key });
    expect(() => checkCounselingConfig(config, true)).toThrow(/COUNSELING_INTAKE_EMAIL: required/);
    const configured = parseEnv({
      APP_URL: "https://heartwork.example",
      ADDRESS_HMAC_KEY: key,
      COUNSELING_INTAKE_EMAIL: "intake@counseling.example",
    });
    expect(() => checkCounselingConfig(configured, true)).not.toThrow();
  });

  it("names the missing address key as an environment problem", () => {
    const config = parseEnv({
      DATABASE_URL: "postgres://db/hw",
      COUNSELING_INTAKE_EMAIL: "intake@counseling.example",
    });
    expect(() => checkCounselingConfig(config, true)).toThrow(
      /Invalid environment variable ADDRESS_HMAC_KEY is required/,
    );
  });

  it("lets a local run start with the defaults", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hw-hmac-"));
    try {
      const config = parseEnv({ ADDRESS_HMAC_KEY_FILE: path.join(dir, "k") });
      expect(() => checkCounselingConfig(config, true)).not.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
