// Shown by the invite form in the browser, so kept free of zod (whose eval
// probe would trip the CSP); lib/validations/counseling.ts enforces them.
export const INVITER_NAME_MAX_LENGTH = 60;
export const INVITATION_MESSAGE_MAX_LENGTH = 500;
