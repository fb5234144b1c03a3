import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/data/database-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises an outage however deeply the driver's error is wrapped", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    const session = new Error("no session");
    session.name = "SessionUnavailableError";
    expect(isDatabaseUnavailable(session)).toBe(true);
  });

  it("leaves every other failure alone", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("dup"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("NEXT_REDIRECT"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    const loop: Error & { cause?: unknown } = new Error("loop");
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
