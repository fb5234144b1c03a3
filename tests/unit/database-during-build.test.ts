import { afterEach, describe, expect, it, vi } from "vitest";

// `next build` prerenders pages in several worker processes at once; a page
// that reached the embedded database there could corrupt it. It must fail loudly.
describe("the database during next build", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("refuses to open, with a message that says how to fix the page", async () => {
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    vi.stubEnv("PGLITE_DIR", "memory://");
    vi.resetModules();
    const { getConnection } = await import("@/lib/db/connection");
    await expect(getConnection()).rejects.toThrow(/during `next build`.*must be\s+dynamic/s);
  });
});
