import { describe, expect, it } from "vitest";
import type { EmailConfig } from "next-auth/providers";
import { db } from "@/lib/db";
import { withSqlExecutor } from "@/lib/db/connection";
import { authConfig } from "@/lib/auth/config";
import { createAuthAdapter } from "@/lib/data/auth-adapter";
import { renderQueuedEmail } from "@/tests/support/queued-email";
import { createSignedInUser } from "@/tests/support/sign-in";

function emailProvider(): EmailConfig {
  return authConfig().providers[0] as EmailConfig;
}

describe("the magic-link email", () => {
  it("is queued in the outbox (not sent) with its link sealed, links to our confirmation page on APP_URL whatever the request's host, and lives 10 minutes", async () => {
    const provider = emailProvider();
    expect(provider.maxAge).toBe(600);
    const token = "a".repeat(64);
    await provider.sendVerificationRequest({
      identifier: "queued.person@example.com",
      token,
      expires: new Date(Date.now() + 600_000),
      // What Auth.js would build from a forged Host header.
      url: `http://evil.example/api/auth/callback/email?${new URLSearchParams({
        callbackUrl: "http://evil.example/steal",
        token,
        email: "queued.person@example.com",
      })}`,
      provider,
      theme: {},
      request: new Request("http://evil.example/api/auth/signin/email"),
    });
    const row = await db.outboxMessage.findFirstOrThrow({
      where: { to: "queued.person@example.com" },
      select: { template: true, status: true, data: true },
    });
    expect(row).toMatchObject({ template: "sign-in", status: "pending" });
    // The queued row holds the link sealed: the token is only in the email itself.
    const [raw] = await withSqlExecutor((sql) =>
      sql.query<Record<string, unknown>>(
        `SELECT * FROM "OutboxMessage" WHERE "to" = 'queued.person@example.com'`,
      ),
    );
    expect(JSON.stringify(raw)).not.toContain(token);
    expect(JSON.stringify(raw)).not.toContain("/signin/confirm");
    const mail = renderQueuedEmail("sign-in", row.data, { appUrl: "http://localhost:3000" });
    const link = new URL(/http\S+/.exec(mail.text)![0]);
    expect(link.origin).toBe("http://localhost:3000");
    expect(link.pathname).toBe("/signin/confirm");
    expect(link.searchParams.get("token")).toBe(token);
    expect(link.searchParams.get("callbackUrl")).toBe("/account");
  });

  it("refuses a quoted or multi-line address before anything is queued", () => {
    const normalize = emailProvider().normalizeIdentifier!;
    expect(() => normalize('"a@evil.example"@victim.example')).toThrow();
    expect(() => normalize("a@b.example\r\nBcc: c@evil.example")).toThrow();
    expect(normalize(" Ana@Example.COM ")).toBe("ana@example.com");
  });
});

describe(createSignedInUser, () => {
  it("makes a user with a working session cookie and the requested sign-in time", async () => {
    const signedInAt = new Date(Date.now() - 11 * 60_000);
    const { user, cookie } = await createSignedInUser({ email: "helper@example.com", signedInAt });
    expect(cookie.name).toBe("authjs.session-token");
    const found = await createAuthAdapter().getSessionAndUser!(cookie.value);
    expect(found?.user.id).toBe(user.id);
    const session = await db.session.findFirstOrThrow({
      where: { userId: user.id },
      select: { createdAt: true },
    });
    expect(session.createdAt.getTime()).toBe(signedInAt.getTime());
  });
});
