// The two ways into counseling: "for me" (individual) and "for us" (couples).
// The choice travels in the address (`/counseling?for=me`), so a person who
// asked for a counselor of their own never lands on a page about couples or
// inviting a partner. It is the person's own choice, never the safety screen's
// outcome, so carrying it in the URL tells nobody anything they did not pick.

export const COUNSELING_CHOICES = ["me", "us"] as const;
export type CounselingChoice = (typeof COUNSELING_CHOICES)[number];

export const COUNSELING_ENTRY = {
  me: {
    href: "/counseling?for=me",
    label: "Counseling for me",
    title: "Talk to a counselor on your own",
    summary: "Individual sessions with a counselor, just for you. The first session is free.",
  },
  us: {
    href: "/counseling?for=us",
    label: "Counseling for us",
    title: "Start couples counseling",
    summary:
      "Start on your own now and invite your partner by email now or later. The first session is free.",
  },
} as const satisfies Record<CounselingChoice, unknown>;

/** The choice in a `for` query value; older links said "individual" and "couples". */
export function counselingChoice(value: string | string[] | undefined): CounselingChoice | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === "me" || raw === "individual") return "me";
  if (raw === "us" || raw === "couples") return "us";
  return null;
}

/** A path inside the counseling flow, keeping the choice (if any). */
export function withChoice(path: string, choice: CounselingChoice | null): string {
  return choice ? `${path}?for=${choice}` : path;
}
