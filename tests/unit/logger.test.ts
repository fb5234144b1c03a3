import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, redact } from "@/lib/logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe("logger", () => {
  it("redacts secrets and personal text by key, at any depth", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        event: "test",
        token: "magic-token-123",
        user: { email: "a@b.example", note: "I miss him today" },
        headers: { cookie: "session=abc", authorization: "Bearer xyz" },
        count: 3,
      },
      "something happened",
    );
    const out = lines.join("");
    for (const secret of [
      "magic-token-123",
      "a@b.example",
      "I miss him today",
      "session=abc",
      "Bearer xyz",
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(JSON.parse(out)).toMatchObject({ event: "test", count: 3, msg: "something happened" });
  });

  it("scrubs email addresses from messages and error text", () => {
    const { logger, lines } = capture();
    logger.warn(
      { err: new Error("no user jane.doe+x@example.org") },
      "sent to jane.doe+x@example.org",
    );
    const out = lines.join("");
    expect(out).not.toContain("jane.doe");
    expect(out).toContain("[email]");
  });

  it("leaves ordinary values alone", () => {
    expect(redact({ route: "/progress", status: 200, ok: true })).toEqual({
      route: "/progress",
      status: 200,
      ok: true,
    });
  });
});
