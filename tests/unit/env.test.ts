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
});
