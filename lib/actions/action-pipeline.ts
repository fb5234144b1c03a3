import "server-only";
import { z } from "zod";
import type { Logger } from "pino";
import { type FormState, type FormValues } from "@/lib/actions/form-state";
import type { SessionUser } from "@/lib/auth/session";
import { isRecentSignIn } from "@/lib/auth/recent-sign-in";
import { isDatabaseUnavailable } from "@/lib/data/database-unavailable";
import { logRefusedAccess } from "@/lib/security/access-log";
import { todayIn, type CalendarDay } from "@/lib/tracker/calendar-day";
import { formDataToObject, type FieldErrors } from "@/lib/validations/form-data";
import { logger } from "@/lib/logger";

// The one way a server action runs (dub's authActionClient, next-saas-starter's
// validatedActionWithUser). An action states who may call it, its schema and
// its work; this module does the rest, in the same order for every action:
//
//   1. database outage: "not saved, try again" (never a crash, never "signed out")
//   2. session: signed out gets the calm signed-out answer; then the role and
//      recent-sign-in checks
//   3. strict parsing of the whole form through the schema: every field error
//   4. on any refusal, the echo of every submitted field, capped by the schema
//   5. the work, which only ever sees parsed input
//   6. refused access (a row that is not this person's) logged without the row id
//
// A server action is a public POST endpoint: nothing here trusts the form.

export const SIGNED_OUT_STATE = {
  formError: "You are signed out, so nothing was saved. Please sign in again and try once more.",
} as const satisfies FormState;

/** The database is unreachable: say so, and that nothing changed (never "signed out"). */
export const DATABASE_UNAVAILABLE_STATE = {
  formError:
    "Not saved: we cannot reach our database right now. Nothing was changed. Please try again in a moment.",
} as const satisfies FormState;

export const UNEXPECTED_FIELDS_ERROR =
  "This form sent something we did not expect, so nothing was saved. Please reload the page and try again.";

export const NOT_FOUND_MESSAGE = "That entry could not be found. It may already have been removed.";

export const FRESH_SIGN_IN_NEEDED_STATE = {
  formError:
    "For your safety, deleting your account needs a sign-in from the last 10 minutes. Ask for a fresh sign-in link below.",
} as const satisfies FormState;

/**
 * Roles a signed-in person can hold beyond being signed in: "team" is an
 * active counseling-team member whose session passed the team's checks
 * (lib/auth/team-access.ts). Every action that names a role is refused to
 * everyone else as "not found" before its input is even parsed.
 */
export type ActionRole = "team";

/**
 * Who may call an action. "required": signed in (the default); "optional":
 * the work decides (accepting an invitation signs in first); "none": the
 * session is not even looked up (sign-in, declining an invitation).
 */
export type SessionNeed = "required" | "optional" | "none";

type UserFor<N extends SessionNeed> = N extends "required"
  ? SessionUser
  : N extends "optional"
    ? SessionUser | null
    : null;

/** A schema, or one that depends on the person's "today" (no future dates in their zone). */
type SchemaSource<S extends z.ZodType> = S | ((today: CalendarDay) => S);

/** The work found no row of this person's by that id: answered "not found" and logged. */
export type NotFound = { notFound: true; formError: string };

export function notFound(formError: string = NOT_FOUND_MESSAGE): NotFound {
  return { notFound: true, formError };
}

/** What the work answers: a success with a message, a refusal, or "not found". */
export type WorkResult<State extends FormState = FormState> =
  | (Omit<State, "status" | "values"> &
      ({ message: string } | { formError: string } | { fieldErrors: FieldErrors }))
  | NotFound;

/**
 * What each of a data function's refusal reasons answers: a fixed answer, or
 * one built from the refusal (a count, a time). Keyed by every reason, so a
 * new reason does not compile until it has its words.
 */
export type RefusalAnswers<R extends { reason: string }> = {
  [K in R["reason"]]: WorkResult | ((refusal: Extract<R, { reason: K }>) => WorkResult);
};

/** The answer to one refusal from its table (see {@link RefusalAnswers}). */
export function answerRefusal<R extends { reason: string }>(
  answers: RefusalAnswers<R>,
  refusal: R,
): WorkResult {
  const answer = answers[refusal.reason as R["reason"]];
  return typeof answer === "function" ? answer(refusal as never) : answer;
}

type ParseRefusal = { fieldErrors: FieldErrors; formErrors: string[] };

export type ActionDefinition<
  S extends z.ZodType,
  N extends SessionNeed,
  State extends FormState = FormState,
> = {
  /** The exported action's name, for the refused-access log. */
  name: string;
  session?: N;
  /** A role the caller must hold (see {@link ActionRole}). */
  role?: ActionRole;
  /** Refuse a session older than 10 minutes (deleting the account). */
  recentSignIn?: true;
  schema: SchemaSource<S>;
  /** Fields that are never echoed back (an emailed token). */
  secretFields?: readonly string[];
  /**
   * What a failed parse answers. "field-errors" (the default): every field's
   * error. "not-found": the form only names a row, so it is "not found",
   * logged as refused access. A function may answer otherwise (an invalid
   * invitation token is "no longer open"), or return undefined for the default.
   */
  invalid?:
    "field-errors" | "not-found" | ((refusal: ParseRefusal) => WorkResult<State> | undefined);
  work: (context: { user: UserFor<N>; input: z.output<S> }) => Promise<WorkResult<State>>;
};

export type ActionDependencies = {
  /** The signed-in user or null; throws when the session store is unreachable. */
  currentUser: () => Promise<SessionUser | null>;
  /** Today in the person's own time zone. */
  userToday: (userId: string) => Promise<CalendarDay>;
  holdsRole: (user: SessionUser, role: ActionRole) => Promise<boolean>;
  log: Pick<Logger, "warn">;
};

const defaultDependencies: ActionDependencies = {
  // Imported when first used, so the pipeline itself loads without Auth.js or a database.
  currentUser: async () => (await import("@/lib/auth/session")).getCurrentUser(),
  userToday: async (userId) => {
    const { getTrackerSettings } = await import("@/lib/data/tracker-settings");
    return todayIn((await getTrackerSettings({ userId })).timeZone);
  },
  holdsRole: async (user, role) => {
    role satisfies "team";
    return (await import("@/lib/auth/team-access")).holdsTeamRole(user);
  },
  log: logger,
};

/** Builds a pipeline with its own session lookup and log (tests); actions use {@link runAction}. */
export function createActionPipeline(dependencies: Partial<ActionDependencies> = {}) {
  const deps: ActionDependencies = { ...defaultDependencies, ...dependencies };

  return async function run<
    S extends z.ZodType,
    N extends SessionNeed = "required",
    State extends FormState = FormState,
  >(formData: FormData | undefined, definition: ActionDefinition<S, N, State>): Promise<State> {
    const input = formDataToObject(formData ?? new FormData());
    const session: SessionNeed = definition.session ?? "required";
    let user: SessionUser | null = null;
    const refuse = (result: WorkResult<State> | FormState): State => {
      const values = echo(input, echoSchema(definition.schema), definition.secretFields);
      if ("notFound" in result) {
        // Who and which action; never the row id the form named.
        if (user) {
          const refusal = {
            action: definition.name,
            userId: user.id,
            reason: "not_found" as const,
          };
          logRefusedAccess(refusal, deps.log);
        }
        return { status: "error", formError: result.formError, values } as State;
      }
      return { ...result, status: "error", values } as State;
    };

    try {
      if (session !== "none") {
        user = await deps.currentUser();
        if (!user && session === "required") return refuse(SIGNED_OUT_STATE);
      }
      if (user && definition.role !== undefined && !(await deps.holdsRole(user, definition.role))) {
        return refuse(notFound());
      }
      if (user && definition.recentSignIn && !isRecentSignIn(user)) {
        return refuse(FRESH_SIGN_IN_NEEDED_STATE);
      }

      const schema =
        typeof definition.schema === "function"
          ? definition.schema(user ? await deps.userToday(user.id) : todayIn("UTC"))
          : definition.schema;
      const parsed = schema.safeParse(withArrays(input, schema));
      if (!parsed.success) {
        const { fieldErrors, formErrors } = z.flattenError(parsed.error) as ParseRefusal;
        const answer =
          typeof definition.invalid === "function"
            ? definition.invalid({ fieldErrors, formErrors })
            : undefined;
        if (answer) return settle(answer, refuse);
        if (definition.invalid === "not-found") return refuse(notFound());
        return refuse({
          fieldErrors,
          formError: formErrors.length > 0 ? UNEXPECTED_FIELDS_ERROR : undefined,
        });
      }

      const result = await definition.work({
        user: user as UserFor<N>,
        input: parsed.data as z.output<S>,
      });
      return settle(result, refuse);
    } catch (error) {
      // Redirects (Next's control flow) and real bugs pass through.
      if (!isDatabaseUnavailable(error)) throw error;
      return refuse(DATABASE_UNAVAILABLE_STATE);
    }
  };
}

/** A success is "saved"; anything carrying an error is a refusal (echoed, or logged if not found). */
function settle<State extends FormState>(
  result: WorkResult<State>,
  refuse: (result: WorkResult<State>) => State,
): State {
  if ("notFound" in result || "formError" in result || "fieldErrors" in result) {
    const { formError, fieldErrors } = result as FormState;
    if ("notFound" in result || formError || fieldErrors) return refuse(result);
  }
  return { ...result, status: "saved" } as State;
}

/** Runs a server action through the pipeline (see the top of this file). */
export const runAction = createActionPipeline();

/** A server action for `useActionState`: the state it answered last, the form. */
export type FormAction<State extends FormState = FormState> = (
  previous: State,
  formData: FormData,
) => Promise<State>;

/**
 * Defines a form's server action, so the action states only what differs
 * (schema, session, role, work) and every action has the same signature and
 * runs the same pipeline:
 *
 *   export const saveX = defineAction("saveX", { schema, async work({ user, input }) {…} });
 *
 * The name is the export's own (checked by tests/unit/action-names.test.ts):
 * the refused-access log names the action by it.
 */
export function defineAction<
  S extends z.ZodType,
  N extends SessionNeed = "required",
  State extends FormState = FormState,
>(name: string, definition: Omit<ActionDefinition<S, N, State>, "name">): FormAction<State> {
  return async (_previous, formData) => runAction(formData, { name, ...definition });
}

/**
 * Defines a plain `<form action>` button that answers only by redirecting
 * (sign out): it has no state to show an answer in, so a refusal (an outage)
 * reaches the error page instead of looking like it worked. Without
 * JavaScript React may call it without a form, hence the optional FormData.
 */
export function defineButtonAction<S extends z.ZodType, N extends SessionNeed = "required">(
  name: string,
  definition: Omit<ActionDefinition<S, N>, "name">,
): (formData?: FormData) => Promise<void> {
  return async (formData) => redirectedOrThrow(await runAction(formData, { name, ...definition }));
}

/** What a redirect-only button does with an answer that did not redirect. */
export function redirectedOrThrow(state: FormState): never {
  throw new Error(`Action refused: ${state.formError ?? "no redirect"}`);
}

// ---------------------------------------------------------------- the form --

type FieldShape = { array: boolean; maxItems: number; maxLength: number };

/** Without a stated limit (dates, ids, numbers), an echo keeps this much: more is invalid anyway. */
const ECHO_FALLBACK_LENGTH = 100;
const ECHO_FALLBACK_ITEMS = 50;

const shapes = new WeakMap<z.ZodType, Map<string, FieldShape>>();

/**
 * Each field of an object schema: is it a list (a checkbox group), and the
 * limits the schema states. Read from the schema's input JSON Schema, so the
 * echo's limits are the schema's own and cannot drift from them.
 */
export function fieldShapes(schema: z.ZodType): Map<string, FieldShape> {
  const known = shapes.get(schema);
  if (known) return known;
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonNode;
  const fields = new Map<string, FieldShape>();
  for (const [name, node] of Object.entries(json.properties ?? {})) {
    const array = node.type === "array";
    const item = array ? (node.items ?? {}) : node;
    fields.set(name, {
      array,
      maxItems: node.maxItems ?? ECHO_FALLBACK_ITEMS,
      maxLength:
        item.maxLength ??
        (item.enum ? Math.max(...item.enum.map((v) => String(v).length)) : ECHO_FALLBACK_LENGTH),
    });
  }
  shapes.set(schema, fields);
  return fields;
}

type JsonNode = {
  type?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  maxItems?: number;
  maxLength?: number;
  enum?: unknown[];
};

/** A checkbox group with one tick arrives as one string: the schema's lists get a list. */
function withArrays(input: Record<string, unknown>, schema: z.ZodType): Record<string, unknown> {
  const out = { ...input };
  for (const [name, shape] of fieldShapes(schema)) {
    if (shape.array && name in out && !Array.isArray(out[name])) out[name] = [out[name]];
  }
  return out;
}

function echoSchema<S extends z.ZodType>(source: SchemaSource<S>): S {
  // Limits do not depend on the day, so any "today" gives the same shapes.
  return typeof source === "function" ? source(todayIn("UTC")) : source;
}

/**
 * What a refused form sends back so nothing typed is lost (React resets a
 * form after its action): every field the schema knows, text only (never a
 * file), lists as lists, each cut to the schema's own limit; never a secret,
 * never React's keys or fields the form does not have.
 */
export function echo(
  input: Record<string, unknown>,
  schema: z.ZodType,
  secretFields: readonly string[] = [],
): FormValues {
  const values: FormValues = {};
  for (const [name, shape] of fieldShapes(schema)) {
    if (secretFields.includes(name) || !Object.hasOwn(input, name)) continue;
    const raw = input[name];
    const texts = (Array.isArray(raw) ? raw : [raw])
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.slice(0, shape.maxLength));
    if (texts.length === 0) continue;
    values[name] = shape.array || texts.length > 1 ? texts.slice(0, shape.maxItems) : texts[0]!;
  }
  return values;
}
