// Shown by the invite form and the invitation page in the browser, so kept free of zod (whose eval
// probe would trip the CSP); lib/validations/counseling.ts enforces them.
export const INVITER_NAME_MAX_LENGTH = 60;
export const INVITATION_MESSAGE_MAX_LENGTH = 500;
/** The invitee's optional note when declining (the invitation page's form). */
export const DECLINE_NOTE_MAX_LENGTH = 500;
