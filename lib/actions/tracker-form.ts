import "server-only";
import { z } from "zod";
import { type FormState } from "@/lib/actions/form-state";
import { requireUser, UnauthorizedError, type SessionUser } from "@/lib/auth/session";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { isDatabaseUnavailable } from "@/lib/data/database-unavailable";
import { logRefusedAccess } from "@/lib/security/access-log";
import { todayIn, type CalendarDay } from "@/lib/tracker/calendar-day";
import { formDataToObject } from "@/lib/validations/form-data";

// The common steps of every tracker action: who is asking, what their "today"
// is, and a strict parse of the whole form that returns every field error
// (and refuses fields nobody asked for) without writing anything.

export const SIGNED_OUT_STATE: FormState = {
  formError: "You are signed out, so nothing was saved. Please sign in again and try once more.",
};

/** The database is unreachable: say so, and that nothing changed (never "signed out"). */
export const DATABASE_UNAVAILABLE_STATE: FormState = {
  formError:
    "Not saved: we cannot reach our database right now. Nothing was changed. Please try again in a moment.",
};

export const UNEXPECTED_FIELDS_ERROR =
  "This form sent something we did not expect, so nothing was saved. Please reload the page and try again.";

export const NOT_FOUND_STATE: FormState = {
  formError: "That entry could not be found. It may already have been removed.",
};

/** "Not found" for a row id that is not this user's (or is gone), logged as refused access. */
export function notFoundFor(action: string, userId: string): FormState {
  logRefusedAccess({ action, userId, reason: "not_found" });
  return NOT_FOUND_STATE;
}

/**
 * The signed-in user, or null for an action called without a session (never a
 * 500). Throws SessionUnavailableError when the database is unreachable;
 * {@link unlessDatabaseDown} turns that into DATABASE_UNAVAILABLE_STATE.
 */
export async function actionUser(): Promise<SessionUser | null> {
  try {
    return await requireUser();
  } catch (error) {
    if (error instanceof UnauthorizedError) return null;
    throw error;
  }
}

/**
 * Runs an action's body; if the database is unreachable (reading the session
 * or writing), answers "not saved, try again" instead of a crash or, worse, a
 * "you are signed out". Redirects and every other error pass through.
 */
export async function unlessDatabaseDown<S extends FormState>(
  run: () => Promise<S>,
): Promise<S | FormState> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return DATABASE_UNAVAILABLE_STATE;
  }
}

/** Today in the user's own time zone: what "no future dates" is measured against. */
export async function userToday(userId: string): Promise<CalendarDay> {
  const { timeZone } = await getTrackerSettings({ userId });
  return todayIn(timeZone);
}

const ECHO_NAME = /^[A-Za-z]{1,32}$/;
const ECHO_MAX = 10_000;

/** What was typed, so a refused form keeps it (React resets uncontrolled fields after an action). */
function echo(input: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(input).slice(0, 20)) {
    if (ECHO_NAME.test(name) && typeof value === "string") values[name] = value.slice(0, ECHO_MAX);
  }
  return values;
}

export type Parsed<T> = { success: true; data: T } | { success: false; state: FormState };

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.output<S>> {
  const input = formDataToObject(formData);
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  const { fieldErrors, formErrors } = z.flattenError(parsed.error);
  return {
    success: false,
    state: {
      fieldErrors: fieldErrors as FormState["fieldErrors"],
      formError: formErrors.length > 0 ? UNEXPECTED_FIELDS_ERROR : undefined,
      values: echo(input),
    },
  };
}
