import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAuthAdapter, hashSessionToken } from "@/lib/data/auth-adapter";
import { findLiveSession } from "@/lib/data/sessions";

// getCurrentUser() reads the session without Auth.js (lib/data/sessions.ts):
// these are the rules of Auth.js's database strategy it must keep.

const adapter = createAuthAdapter();
const DAY = 24 * 60 * 60;
const rules = { maxAgeSeconds: 7 * DAY, updateAgeSeconds: DAY };

async function sessionFor(token: string, expiresInMs: number) {
  const user = await db.user.create({
    data: { email: `live.${Math.random()}@example.com`, name: "Sam" },
    select: { id: true, email: true },
  });
  await adapter.createSession!({
    sessionToken: token,
    userId: user.id,
    expires: new Date(Date.now() + expiresInMs),
  });
  return user;
}

const expiresOf = async (token: string) =>
  (await db.session.findUnique({ where: { sessionToken: hashSessionToken(token) } }))?.expires;

describe(findLiveSession, () => {
  it("finds the user and when they signed in, without touching a recently extended session", async () => {
    const user = await sessionFor("live-1", 7 * DAY * 1000 - 60_000);
    const before = await expiresOf("live-1");
    const found = await findLiveSession({ sessionToken: "live-1", ...rules });
    expect(found).toMatchObject({ userId: user.id, email: user.email, name: "Sam" });
    expect(found?.createdAt).toBeInstanceOf(Date);
    expect(await expiresOf("live-1")).toEqual(before);
  });

  it("slides a session last extended more than a day ago to seven days from now", async () => {
    await sessionFor("live-2", 5 * DAY * 1000);
    const started = Date.now();
    expect(await findLiveSession({ sessionToken: "live-2", ...rules })).not.toBeNull();
    const expires = (await expiresOf("live-2"))!.getTime();
    expect(expires).toBeGreaterThanOrEqual(started + 7 * DAY * 1000 - 1000);
  });

  it("deletes an expired session and answers no session", async () => {
    await sessionFor("live-3", -1000);
    expect(await findLiveSession({ sessionToken: "live-3", ...rules })).toBeNull();
    expect(await expiresOf("live-3")).toBeUndefined();
  });

  it("answers no session for a token nobody holds (or its stored hash)", async () => {
    await sessionFor("live-4", DAY * 1000);
    expect(await findLiveSession({ sessionToken: "no-such-token", ...rules })).toBeNull();
    expect(
      await findLiveSession({ sessionToken: hashSessionToken("live-4"), ...rules }),
    ).toBeNull();
  });
});
