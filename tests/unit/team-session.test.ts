import { describe, expect, it } from "vitest";
import {
  TEAM_SESSION_MAX_AGE_MS,
  challengeInClientData,
  relyingParty,
  teamSessionStatus,
} from "@/lib/counseling/team-session";
import { finishPasskeySchema } from "@/lib/validations/team-passkey";

// The rules of a team session, without a database (the data layer's use of
// them: tests/integration/team-passkeys.test.ts).

describe(teamSessionStatus, () => {
  const createdAt = new Date("2026-12-05T08:00:00Z");
  const at = (ms: number) => new Date(createdAt.getTime() + ms);

  it("needs the passkey until the session passed it, and ends 12 hours after sign-in", () => {
    expect(teamSessionStatus({ createdAt, teamVerifiedAt: null }, at(1_000))).toBe("needs-passkey");
    const verified = { createdAt, teamVerifiedAt: at(60_000) };
    expect(teamSessionStatus(verified, at(TEAM_SESSION_MAX_AGE_MS))).toBe("verified");
    expect(teamSessionStatus(verified, at(TEAM_SESSION_MAX_AGE_MS + 1))).toBe("expired");
    expect(
      teamSessionStatus({ createdAt, teamVerifiedAt: null }, at(TEAM_SESSION_MAX_AGE_MS + 1)),
    ).toBe("expired");
  });

  it("does not count a verification from before the session began", () => {
    expect(teamSessionStatus({ createdAt, teamVerifiedAt: at(-1) }, at(1_000))).toBe(
      "needs-passkey",
    );
  });
});

describe(relyingParty, () => {
  it("is the configured APP_URL's host and origin", () => {
    expect(relyingParty("https://heartwork.example:8443")).toEqual({
      rpID: "heartwork.example",
      origin: "https://heartwork.example:8443",
      rpName: "Heartwork team",
    });
  });
});

describe(challengeInClientData, () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  it("reads the signed challenge, and nothing from junk", () => {
    expect(challengeInClientData(encode({ type: "webauthn.get", challenge: "abc" }))).toBe("abc");
    expect(challengeInClientData(encode({ challenge: 5 }))).toBeNull();
    expect(challengeInClientData(encode(null))).toBeNull();
    expect(challengeInClientData(encode({ challenge: "x".repeat(600) }))).toBeNull();
    expect(challengeInClientData("%%%")).toBeNull();
  });
});

describe("finishPasskeySchema", () => {
  it("refuses oversized, malformed or odd-shaped answers with one calm message", () => {
    const refused = [
      { purpose: "verify", response: "{" },
      { purpose: "verify", response: "x".repeat(20_000) },
      { purpose: "verify", response: JSON.stringify({ id: "a", rawId: "a", type: "public-key" }) },
      { purpose: "admin", response: "{}" },
      { purpose: "register", response: "{}", extra: "1" },
    ];
    for (const input of refused) expect(finishPasskeySchema.safeParse(input).success).toBe(false);
    const ok = finishPasskeySchema.safeParse({
      purpose: "verify",
      response: JSON.stringify({
        id: "abc",
        rawId: "abc",
        type: "public-key",
        response: { clientDataJSON: "e30", authenticatorData: "AA", signature: "AA" },
        clientExtensionResults: {},
        unknownKey: "dropped",
      }),
    });
    expect(ok.success && !("unknownKey" in ok.data.response)).toBe(true);
  });
});
