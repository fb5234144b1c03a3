/**
 * The invitation email's subject, fixed whatever the inviter typed: a subject is
 * what mailbox lists, lock screens and notifications show to anyone nearby,
 * and a "name" chosen to frighten ("I know where you live invited you...") must
 * never get there. The inviter's name appears in the body only. Kept free of
 * imports so the browser tests can match on it too.
 */
export const INVITATION_SUBJECT = "You have an invitation on Heartwork";
