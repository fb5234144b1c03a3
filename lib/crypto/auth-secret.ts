import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EnvError, env, isProduction } from "@/lib/env";

// AUTH_SECRET signs Auth.js cookies and keys the hashes of magic-link tokens and
// rate-limit keys. Production must set it (every instance needs the same one).
// A newcomer has none, so outside production we generate one on first run into
// DATA_DIR/auth-secret (mode 0600, like a key file) and reuse it afterwards.

let cached: string | undefined;

export function authSecretFile(): string {
  return path.resolve(env.DATA_DIR, "auth-secret");
}

export function resolveAuthSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  if (isProduction) {
    throw new EnvError(
      "Invalid environment variable AUTH_SECRET: required in production " +
        "(generate one with `openssl rand -base64 32`, the same on every instance)",
    );
  }
  return (cached = readOrCreateSecretFile());
}

/** The secret in DATA_DIR/auth-secret, created (0600) when missing. */
export function readOrCreateSecretFile(): string {
  const file = authSecretFile();
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const generated = randomBytes(32).toString("base64url");
  try {
    // "wx": when two processes start at once, the first writer wins.
    fs.writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: "wx" });
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fs.readFileSync(file, "utf8").trim();
  }
}
