import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { sessionCookieName } from "@/lib/auth/cookies";
import { createAuthAdapter, hashSessionToken } from "@/lib/data/auth-adapter";

// A signed-in user without the email round trip, for integration tests (and
// e2e against PostgreSQL, where the test process can reach the app's
// database; with the embedded database only the server may open it, so e2e
// specs sign in through tests/e2e/support/sign-in.ts instead).
//
//   const { user, cookie } = await createSignedInUser({ email: "ana@example.com" });
//   await context.addCookies([{ ...cookie, url: baseURL }]);   // Playwright
//   fetch(url, { headers: { cookie: `${cookie.name}=${cookie.value}` } });
//
// `signedInAt` (default now) sets the session's creation time, e.g. 11 minutes
// ago to exercise the "recent sign-in" rule.

export async function createSignedInUser({
  email = `user.${randomBytes(4).toString("hex")}@example.com`,
  name = null,
  signedInAt = new Date(),
}: { email?: string; name?: string | null; signedInAt?: Date } = {}) {
  const user = await db.user.upsert({
    where: { email },
    create: { email, name, emailVerified: new Date() },
    update: {},
    select: { id: true, email: true, name: true },
  });
  const token = randomBytes(32).toString("hex");
  await createAuthAdapter().createSession!({
    sessionToken: token,
    userId: user.id,
    expires: new Date(Date.now() + 24 * 60 * 60 * 1000),
  });
  await db.session.updateMany({
    where: { sessionToken: hashSessionToken(token) },
    data: { createdAt: signedInAt },
  });
  return {
    user: { id: user.id, email, name: user.name },
    cookie: { name: sessionCookieName(), value: token },
  };
}
