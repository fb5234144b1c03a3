import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadWith(envVars: Record<string, string>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(envVars)) vi.stubEnv(key, value);
  return import("@/lib/crypto/auth-secret");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the AUTH_SECRET", () => {
  it("is generated once into the data folder, readable only by its owner, and reused", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heartwork-secret-"));
    const first = await loadWith({ NODE_ENV: "development", AUTH_SECRET: "", DATA_DIR: dir });
    const secret = first.resolveAuthSecret();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, "auth-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = await loadWith({ NODE_ENV: "development", AUTH_SECRET: "", DATA_DIR: dir });
    expect(second.resolveAuthSecret()).toBe(secret);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is required in production", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heartwork-secret-"));
    const production = await loadWith({ NODE_ENV: "production", AUTH_SECRET: "", DATA_DIR: dir });
    expect(() => production.resolveAuthSecret()).toThrow(/AUTH_SECRET: required in production/);
    expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("comes from the environment when set", async () => {
    const given = "x".repeat(40);
    const configured = await loadWith({ NODE_ENV: "production", AUTH_SECRET: given });
    expect(configured.resolveAuthSecret()).toBe(given);
  });
});
