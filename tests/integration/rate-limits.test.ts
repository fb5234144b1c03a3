import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/data/rate-limits";

describe(consumeRateLimit, () => {
  it("allows the limit within a window and refuses the next call", async () => {
    const key = `test:${Math.random()}`;
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(await consumeRateLimit({ key, limit: 3, windowMs: 60_000 }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.resetAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("counts each key on its own", async () => {
    const a = `a:${Math.random()}`;
    const b = `b:${Math.random()}`;
    expect((await consumeRateLimit({ key: a, limit: 1, windowMs: 60_000 })).allowed).toBe(true);
    expect((await consumeRateLimit({ key: a, limit: 1, windowMs: 60_000 })).allowed).toBe(false);
    expect((await consumeRateLimit({ key: b, limit: 1, windowMs: 60_000 })).allowed).toBe(true);
  });

  it("starts a new window once the old one has ended", async () => {
    const key = `window:${Math.random()}`;
    expect((await consumeRateLimit({ key, limit: 1, windowMs: 300 })).allowed).toBe(true);
    expect((await consumeRateLimit({ key, limit: 1, windowMs: 300 })).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await consumeRateLimit({ key, limit: 1, windowMs: 300 })).allowed).toBe(true);
  });

  it("lets exactly `limit` of many concurrent callers through", async () => {
    const key = `race:${Math.random()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => consumeRateLimit({ key, limit: 5, windowMs: 60_000 })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it("stores keys as an HMAC, never the address or IP in clear", async () => {
    await consumeRateLimit({
      key: "sign-in:address:secret.person@example.com",
      limit: 5,
      windowMs: 60_000,
    });
    const rows = await db.rateLimit.findMany({ select: { key: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.key).not.toContain("example.com");
  });
});
