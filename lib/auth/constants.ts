import { env } from "@/lib/env";

// Auth settings shared by the Auth.js config, the pages and the tests.

/** Magic links work for 10 minutes (Auth.js's default is 24 hours). */
export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

/**
 * Sessions end after 7 days without a visit (sliding, refreshed at most once a
 * day) and in any case 14 days after sign-in (SESSION_ABSOLUTE_MAX_AGE_MS in
 * lib/data/auth-adapter.ts). Auth.js's default is 30 days.
 */
export const SESSION_IDLE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

/** Sensitive actions (export, delete account) need a sign-in this recent: 10 minutes. */
export const RECENT_SIGN_IN_MS = env.RECENT_SIGN_IN_SECONDS * 1000;

/** The email provider's id: URLs are /api/auth/signin/email and /api/auth/callback/email. */
export const EMAIL_PROVIDER_ID = "email";

export const SIGN_IN_WINDOW_MS = 60 * 60 * 1000;
