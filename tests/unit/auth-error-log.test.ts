import { Writable } from "node:stream";
import { AccessDenied, AdapterError, Verification } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { authErrorType, logAuthError } from "@/lib/auth/auth-error-log";
import { createLogger } from "@/lib/logger";

function capture() {
  const lines: Array<{ level: number; kind: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; kind: string });
      done();
    },
  });
  return { log: createLogger(stream), lines };
}

// What the production bundle does to Auth.js's classes: same class, short name.
const minified = {
  t: class extends Verification {},
  n: class extends AccessDenied {},
  r: class extends AdapterError {},
};

const INFO = 30;
const ERROR = 50;

describe(logAuthError, () => {
  it("logs a spent link and a refused sign-in as everyday events even when class names are minified", () => {
    const { log, lines } = capture();
    expect(new minified.t().name).toBe("t"); // the name really is gone
    logAuthError(new minified.t(), log);
    logAuthError(new minified.n(), log);
    expect(lines.map((l) => [l.level, l.kind])).toEqual([
      [INFO, "Verification"],
      [INFO, "AccessDenied"],
    ]);
  });

  it("logs every other Auth.js error, and any plain error, as an error", () => {
    const { log, lines } = capture();
    logAuthError(new minified.r(), log);
    logAuthError(new TypeError("boom"), log);
    expect(lines.map((l) => [l.level, l.kind])).toEqual([
      [ERROR, "AdapterError"],
      [ERROR, "TypeError"],
    ]);
  });
});

describe(authErrorType, () => {
  it("reads the Auth.js type, not the class name", () => {
    expect(authErrorType(new minified.t())).toBe("Verification");
    expect(authErrorType(new Error("x"))).toBe("Error");
  });
});
