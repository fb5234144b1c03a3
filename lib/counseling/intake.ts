// The intake's choices, in the words the form and the counseling team's email
// use. Enum values match prisma/schema.prisma.

export const COUNSELING_FORMATS = {
  COUPLES: "Couples counseling, with my partner",
  INDIVIDUAL: "Individual counseling, on my own",
} as const;

export const COUNSELING_FOCUSES = {
  COMMUNICATION: "Talking and listening to each other",
  TRUST: "Trust",
  CONFLICT: "Arguments that go in circles",
  INTIMACY: "Closeness and intimacy",
  RECONNECTING: "Finding our way back after a breakup or a hard time",
  LIFE_CHANGES: "A big change (a move, a new baby, a loss)",
  PARENTING: "Parenting together",
  DECIDING_FUTURE: "Deciding whether to stay together",
} as const;

export const COUNSELING_TIMES = {
  WEEKDAY_MORNING: "Weekday mornings",
  WEEKDAY_AFTERNOON: "Weekday afternoons",
  WEEKDAY_EVENING: "Weekday evenings",
  WEEKEND: "Weekends",
} as const;

export const COUNSELING_CONTACTS = {
  EMAIL: "By email, at my account's address",
  PHONE: "By phone",
} as const;

export type CounselingFormat = keyof typeof COUNSELING_FORMATS;
export type CounselingFocus = keyof typeof COUNSELING_FOCUSES;
export type CounselingTime = keyof typeof COUNSELING_TIMES;
export type CounselingContact = keyof typeof COUNSELING_CONTACTS;

export const INTAKE_NOTE_MAX_LENGTH = 1_000;
export const PHONE_MAX_LENGTH = 40;

/** What the person typed and chose; lib/data decides what is stored and shared. */
export type CounselingIntake = {
  format: CounselingFormat;
  focuses: CounselingFocus[];
  note: string;
  preferredTimes: CounselingTime[];
  contactMethod: CounselingContact;
  phone: string;
  safeToLeaveMessage: boolean;
  shareFocuses: boolean;
  shareNote: boolean;
};

/** Fine for a local run; a public deployment must name the counseling team's inbox. */
export const DEFAULT_COUNSELING_INTAKE_EMAIL = "counseling-intake@heartwork.localhost";
