import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logger";
import { logRefusedAccess } from "@/lib/security/access-log";

describe("refused-access log (SECURITY.md 26)", () => {
  it("records who was refused which action and why, as one warn line", () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    logRefusedAccess(
      { action: "removeMemory", userId: "user-1", reason: "not_found" },
      createLogger(stream),
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 40,
      event: "access.refused",
      action: "removeMemory",
      userId: "user-1",
      reason: "not_found",
    });
  });
});
