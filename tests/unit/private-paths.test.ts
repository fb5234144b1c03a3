import { describe, expect, it } from "vitest";
import { isPrivatePath } from "@/lib/security/private-paths";

describe(isPrivatePath, () => {
  it.each([
    ["/account", true],
    ["/account/export", true],
    ["/signin", true],
    ["/signin/confirm", true],
    ["/dev/mailbox", true],
    ["/progress", true],
    ["/progress/export/json", true],
    ["/api/auth/session", true],
    ["/api/auth/callback/email", true],
    ["/api/health/live", false],
    ["/progressive", false],
    ["/", false],
    ["/accounting", false],
    ["/articles/why-do-i-miss-him", false],
  ])("%s → %s", (path, expected) => {
    expect(isPrivatePath(path)).toBe(expected);
  });
});
