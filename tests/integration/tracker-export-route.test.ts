import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { isRecentSignIn } from "@/lib/auth/recent-sign-in";
import { saveCheckIn } from "@/lib/data/check-ins";
import { createMemory } from "@/lib/data/memories";
import { exportTrackerData } from "@/lib/data/tracker-export";
import { createTestUser } from "../support/tracker-users";

// The export route now answers with a stream (issue 13 item 7). Its checks
// still come first: a cross-site request, a signed-out person and a sign-in
// older than 10 minutes get no stream at all (SECURITY.md 7, 13); a fresh
// sign-in gets the same document as before, for their own rows only.

const signedIn: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => signedIn.user,
  isRecentSignIn,
}));

const { POST } = await import("@/app/progress/export/[format]/route");

beforeEach(() => {
  signedIn.user = null;
});

function exportRequest(format: string, site = "same-origin") {
  const request = new Request(`http://localhost/progress/export/${format}`, {
    method: "POST",
    headers: { "sec-fetch-site": site },
  });
  return POST(request, { params: Promise.resolve({ format }) });
}

async function personWithHistory(label: string) {
  const user = await createTestUser(label);
  await saveCheckIn({
    userId: user.id,
    day: "2026-11-20",
    mood: 3,
    missing: 4,
    contact: "NONE",
    note: `${label}'s note`,
  });
  await createMemory({
    userId: user.id,
    kind: "GOOD",
    text: `${label}'s memory`,
    requestKey: crypto.randomUUID(),
  });
  return { id: user.id, email: user.email!, name: label };
}

describe("POST /progress/export/[format]", () => {
  it("streams the person's own export, the same document as the whole-file export", async () => {
    const person = await personWithHistory("streamer");
    await personWithHistory("someone-else");
    signedIn.user = { ...person, signedInAt: new Date() };

    const response = await exportRequest("json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toBeInstanceOf(ReadableStream);
    const text = await response.text();
    const document = JSON.parse(text) as Record<string, unknown>;
    expect(text).toBe(JSON.stringify(document, null, 2));
    expect(document).toMatchObject({
      format: "heartwork-tracker-export",
      account: { email: person.email, name: person.name },
      ...(await exportTrackerData({ userId: person.id })),
    });
    expect(text).not.toContain("someone-else");

    const csv = await (await exportRequest("csv")).text();
    expect(csv).toContain("streamer's note");
    expect(csv).not.toContain("someone-else");
  });

  it("gives no stream to a cross-site request, a signed-out person or an old sign-in", async () => {
    const person = await personWithHistory("refused");
    signedIn.user = { ...person, signedInAt: new Date() };
    expect((await exportRequest("json", "cross-site")).status).toBe(403);

    signedIn.user = null;
    const signedOut = await exportRequest("json");
    expect(signedOut.status).toBe(303);
    expect(signedOut.body).toBeNull();

    signedIn.user = { ...person, signedInAt: new Date(Date.now() - 11 * 60_000) };
    const stale = await exportRequest("csv");
    expect(stale.status).toBe(303);
    expect(stale.headers.get("location")).toMatch(/\/progress\/export\?fresh=required$/);
    expect(stale.body).toBeNull();
  });
});
