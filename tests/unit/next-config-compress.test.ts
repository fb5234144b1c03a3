import { afterEach, describe, expect, it, vi } from "vitest";

// next.config.ts is read again when `next start` starts, so PROXY_COMPRESSES
// decides at start whether Next gzips responses itself (alone) or leaves it to
// the reverse proxy in front (lib/deploy/nginx, docs/operations.md).

async function loadConfig(value: string | undefined) {
  vi.resetModules();
  if (value === undefined) vi.stubEnv("PROXY_COMPRESSES", undefined as unknown as string);
  else vi.stubEnv("PROXY_COMPRESSES", value);
  return (await import("../../next.config")).default;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("next.config compress", () => {
  it("compresses in Node when nothing in front does (npm start alone)", async () => {
    expect((await loadConfig(undefined)).compress).toBe(true);
    expect((await loadConfig("false")).compress).toBe(true);
  });

  it("leaves compression to the proxy when PROXY_COMPRESSES is set", async () => {
    expect((await loadConfig("true")).compress).toBe(false);
    expect((await loadConfig("1")).compress).toBe(false);
  });
});
