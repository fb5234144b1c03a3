import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe(parseEnv, () => {
  it("gives a newcomer working defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.PORT).toBe(3000);
  });

  it("accepts a PostgreSQL URL and treats an empty one as unset", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/hw" }).DATABASE_URL).toBe(
      "postgres://u:p@db:5432/hw",
    );
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([["mysql://db/hw"], ["not a url"], ["postgres//missing-colon"]])(
    "refuses DATABASE_URL=%s with a message naming the variable",
    (value) => {
      expect(() => parseEnv({ DATABASE_URL: value })).toThrow(/DATABASE_URL: must be a postgres/);
    },
  );

  it("names every bad variable at once", () => {
    expect(() => parseEnv({ APP_URL: "ftp://x", PORT: "99999", LOG_LEVEL: "loud" })).toThrow(
      /APP_URL.*PORT.*LOG_LEVEL/,
    );
  });

  it("trims a trailing slash from APP_URL so links never get a double slash", () => {
    expect(parseEnv({ APP_URL: "https://heartwork.example/" }).APP_URL).toBe(
      "https://heartwork.example",
    );
  });

  it("leaves mail and auth optional for a newcomer, with the worker on and the mailbox undecided", () => {
    const env = parseEnv({});
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.EMAIL_WORKER).toBe(true);
    expect(env.DEV_MAILBOX).toBeUndefined();
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.SIGNIN_LIMIT_PER_ADDRESS).toBe(5);
  });

  it("refuses a short AUTH_SECRET and a non-SMTP SMTP_URL", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ SMTP_URL: "http://mail.example" })).toThrow(/SMTP_URL/);
    expect(parseEnv({ SMTP_URL: "smtps://u:p@mail.example:465" }).SMTP_URL).toBe(
      "smtps://u:p@mail.example:465",
    );
  });

  it("reads DEV_MAILBOX and EMAIL_WORKER as explicit switches", () => {
    expect(parseEnv({ DEV_MAILBOX: "true" }).DEV_MAILBOX).toBe(true);
    expect(parseEnv({ DEV_MAILBOX: "false" }).DEV_MAILBOX).toBe(false);
    expect(parseEnv({ EMAIL_WORKER: "false" }).EMAIL_WORKER).toBe(false);
  });

  it("never lets the recent-sign-in window grow past 10 minutes", () => {
    expect(parseEnv({}).RECENT_SIGN_IN_SECONDS).toBe(600);
    expect(parseEnv({ RECENT_SIGN_IN_SECONDS: "5" }).RECENT_SIGN_IN_SECONDS).toBe(5);
    expect(() => parseEnv({ RECENT_SIGN_IN_SECONDS: "3600" })).toThrow(/RECENT_SIGN_IN_SECONDS/);
  });
});
