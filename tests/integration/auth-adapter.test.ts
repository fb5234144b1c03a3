import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  SESSION_ABSOLUTE_MAX_AGE_MS,
  createAuthAdapter,
  hashSessionToken,
} from "@/lib/data/auth-adapter";

const adapter = createAuthAdapter();

async function newUser() {
  return db.user.create({
    data: { email: `adapter.${Math.random()}@example.com` },
    select: { id: true, email: true },
  });
}

describe(createAuthAdapter, () => {
  it("stores only a hash of the session token and finds the session by the raw token", async () => {
    const user = await newUser();
    const raw = "raw-session-token-1";
    const created = await adapter.createSession!({
      sessionToken: raw,
      userId: user.id,
      expires: new Date(Date.now() + 60_000),
    });
    expect(created.sessionToken).toBe(raw); // what Auth.js puts in the cookie
    const stored = await db.session.findMany({
      where: { userId: user.id },
      select: { sessionToken: true },
    });
    expect(stored).toEqual([{ sessionToken: hashSessionToken(raw) }]);

    const found = await adapter.getSessionAndUser!(raw);
    expect(found?.user.id).toBe(user.id);
    expect(found?.session.sessionToken).toBe(raw);
    // Read with one joined statement: the same values Prisma itself reads.
    const viaPrisma = await db.session.findUniqueOrThrow({
      where: { sessionToken: hashSessionToken(raw) },
      select: { expires: true, user: { select: { email: true, name: true } } },
    });
    expect(found?.session.expires).toEqual(viaPrisma.expires);
    expect(found?.session.userId).toBe(user.id);
    // The session callback reads createdAt for signedInAt (the recent-sign-in check).
    expect((found?.session as { createdAt?: Date }).createdAt).toBeInstanceOf(Date);
    expect(found?.user).toMatchObject(viaPrisma.user);
    expect(await adapter.getSessionAndUser!(hashSessionToken(raw))).toBeNull();
  });

  it("deletes the session on sign-out so the old token finds nothing", async () => {
    const user = await newUser();
    const raw = "raw-session-token-2";
    await adapter.createSession!({
      sessionToken: raw,
      userId: user.id,
      expires: new Date(Date.now() + 60_000),
    });
    await adapter.deleteSession!(raw);
    await adapter.deleteSession!(raw); // twice (two tabs) is fine
    expect(await adapter.getSessionAndUser!(raw)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("ends a session at its absolute lifetime however recently it was used", async () => {
    const user = await newUser();
    const raw = "raw-session-token-3";
    await adapter.createSession!({
      sessionToken: raw,
      userId: user.id,
      expires: new Date(Date.now() + 60_000),
    });
    await db.session.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - SESSION_ABSOLUTE_MAX_AGE_MS - 1_000) },
    });
    expect(await adapter.getSessionAndUser!(raw)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("extends a session's expiry through the hashed token", async () => {
    const user = await newUser();
    const raw = "raw-session-token-4";
    await adapter.createSession!({
      sessionToken: raw,
      userId: user.id,
      expires: new Date(Date.now() + 60_000),
    });
    const later = new Date(Date.now() + 3_600_000);
    await adapter.updateSession!({ sessionToken: raw, expires: later });
    const row = await db.session.findFirstOrThrow({
      where: { userId: user.id },
      select: { expires: true },
    });
    expect(row.expires.getTime()).toBe(later.getTime());
  });

  it("uses a magic-link token once", async () => {
    const identifier = `link.${Math.random()}@example.com`;
    const expires = new Date(Date.now() + 600_000);
    await adapter.createVerificationToken!({ identifier, token: "hashed-token", expires });
    expect(
      await adapter.useVerificationToken!({ identifier, token: "hashed-token" }),
    ).toMatchObject({ identifier });
    expect(await adapter.useVerificationToken!({ identifier, token: "hashed-token" })).toBeNull();
  });
});
