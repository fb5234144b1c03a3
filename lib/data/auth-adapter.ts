import "server-only";
import { createHash } from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterSession } from "@auth/core/adapters";
import { db } from "@/lib/db";

// Auth.js's Prisma adapter, with session tokens stored hashed: the cookie holds
// the random token, the Session table only its SHA-256. A leaked database (or
// backup) then holds no usable session. Auth.js already stores magic-link
// tokens hashed (SHA-256 of token + AUTH_SECRET).
//
// Sessions also have an absolute lifetime: Auth.js slides `expires` forward on
// use; we refuse (and delete) a session older than SESSION_ABSOLUTE_MAX_AGE_MS
// however recently it was used.

export const SESSION_ABSOLUTE_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

type PrismaAdapterClient = Parameters<typeof PrismaAdapter>[0];

type SessionAndUserRow = {
  sessionToken: string;
  userId: string;
  expires: Date;
  createdAt: Date;
  email: string | null;
  emailVerified: Date | null;
  name: string | null;
  image: string | null;
};

export function createAuthAdapter(): Adapter {
  // Our client is generated into lib/db/generated rather than @prisma/client;
  // it has the same delegates the adapter calls (user, account, session,
  // verificationToken), which the schema-drift test pins down.
  const base = PrismaAdapter(db as unknown as PrismaAdapterClient);
  const withRawToken = (session: AdapterSession, raw: string): AdapterSession => ({
    ...session,
    sessionToken: raw,
  });

  return {
    ...base,
    async createSession(session) {
      const created = await db.session.create({
        data: {
          sessionToken: hashSessionToken(session.sessionToken),
          userId: session.userId,
          expires: session.expires,
        },
        select: { sessionToken: true, userId: true, expires: true },
      });
      // Auth.js writes the returned token into the cookie: hand back the raw one.
      return withRawToken(created, session.sessionToken);
    },
    async getSessionAndUser(sessionToken) {
      const hashed = hashSessionToken(sessionToken);
      // Every private request asks this, so it is one statement (a join), not
      // the two Prisma sends for a relation (the session, then its user).
      const [found] = await db.$queryRaw<SessionAndUserRow[]>`
        SELECT s."sessionToken", s."userId", s."expires", s."createdAt",
               u."email", u."emailVerified", u."name", u."image"
        FROM "Session" s JOIN "User" u ON u."id" = s."userId"
        WHERE s."sessionToken" = ${hashed}`;
      if (!found || !found.email) return null;
      if (found.createdAt.getTime() < Date.now() - SESSION_ABSOLUTE_MAX_AGE_MS) {
        await db.session.deleteMany({ where: { sessionToken: hashed } });
        return null;
      }
      return {
        // createdAt rides along: the session callback turns it into signedInAt,
        // which the recent-sign-in check (export, account deletion) reads.
        session: withRawToken(
          {
            sessionToken: found.sessionToken,
            userId: found.userId,
            expires: found.expires,
            createdAt: found.createdAt,
          } as AdapterSession,
          sessionToken,
        ),
        user: {
          id: found.userId,
          email: found.email,
          emailVerified: found.emailVerified,
          name: found.name,
          image: found.image,
        },
      };
    },
    async updateSession(session) {
      // Auth.js ignores the return value; a session deleted meanwhile stays deleted.
      await db.session.updateMany({
        where: { sessionToken: hashSessionToken(session.sessionToken) },
        data: { ...(session.expires ? { expires: session.expires } : {}) },
      });
      return null;
    },
    async deleteSession(sessionToken) {
      // deleteMany: signing out twice (two tabs) is not an error.
      await db.session.deleteMany({ where: { sessionToken: hashSessionToken(sessionToken) } });
      return null;
    },
  };
}
