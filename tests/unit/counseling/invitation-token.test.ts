import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generateInvitationToken,
  hashInvitationToken,
  INVITATION_TOKEN_BYTES,
  INVITATION_TTL_MS,
  invitationExpiry,
  invitationPath,
  isWellFormedInvitationToken,
} from "@/lib/counseling/invitation-token";

describe(generateInvitationToken, () => {
  it("makes 32 random bytes in base64url, with their SHA-256 for storage", () => {
    const { token, tokenHash } = generateInvitationToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(INVITATION_TOKEN_BYTES);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("base64url"));
    expect(tokenHash).not.toContain(token);
  });

  it("never repeats a token", () => {
    const tokens = new Set(Array.from({ length: 2_000 }, () => generateInvitationToken().token));
    expect(tokens.size).toBe(2_000);
  });
});

describe(hashInvitationToken, () => {
  it("is deterministic, and different tokens never share a hash", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(hashInvitationToken(a)).toBe(hashInvitationToken(a));
        if (a !== b) expect(hashInvitationToken(a)).not.toBe(hashInvitationToken(b));
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});

describe(isWellFormedInvitationToken, () => {
  it("accepts only the shape we email", () => {
    expect(isWellFormedInvitationToken(generateInvitationToken().token)).toBe(true);
    for (const bad of [
      "",
      "short",
      `${"a".repeat(43)}=`,
      "a".repeat(44),
      `${"a".repeat(42)}/`,
      42,
    ]) {
      expect(isWellFormedInvitationToken(bad)).toBe(false);
    }
  });
});

describe(invitationExpiry, () => {
  it("is seven days after sending", () => {
    const sent = new Date("2026-11-26T10:00:00Z");
    expect(invitationExpiry(sent).toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect(INVITATION_TTL_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });
});

describe(invitationPath, () => {
  it("is a path only: the origin always comes from APP_URL", () => {
    expect(invitationPath("abc")).toBe("/invitations/abc");
  });
});
