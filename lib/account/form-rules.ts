// Limits and fixed words the account forms show in the browser. Kept apart from
// lib/validations/account.ts so client components never pull zod into the
// browser (zod's eval probe would trip the CSP's script rules).
export const DISPLAY_NAME_MAX_LENGTH = 80;
/** What a person types to confirm deleting their account. */
export const DELETE_CONFIRMATION_PHRASE = "delete my account";
