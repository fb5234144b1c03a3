import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  answerRefusal,
  createActionPipeline,
  DATABASE_UNAVAILABLE_STATE,
  echo,
  FRESH_SIGN_IN_NEEDED_STATE,
  NOT_FOUND_MESSAGE,
  notFound,
  SIGNED_OUT_STATE,
  UNEXPECTED_FIELDS_ERROR,
} from "@/lib/actions/action-pipeline";
import type { SessionUser } from "@/lib/auth/session";
import { createLogger } from "@/lib/logger";

// The pipeline's fixed order, with a session lookup and a log the test holds.
// Everything else (zod, the outage detector, the refused-access log line, the
// echo) is the real code the actions run.

const person: SessionUser = {
  id: "user-1",
  email: "sam@example.com",
  name: null,
  signedInAt: new Date(),
};

/** A driver error as it arrives from the PostgreSQL adapter when the server is gone. */
function outage(): Error {
  return Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
}

function form(fields: Array<[string, string | Blob]>): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

/** A schema that counts how often it was asked to parse. */
function countingSchema() {
  const parses = { count: 0 };
  const schema = z
    .object({ title: z.string().trim().min(1, "Please write the goal.").max(20) })
    .strict()
    .refine(() => {
      parses.count++;
      return true;
    });
  return { schema, parses };
}

function logLines() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, log: createLogger(stream) };
}

describe("the action pipeline's order", () => {
  it("answers an outage while reading the session with 'not saved' before anything else", async () => {
    const { schema, parses } = countingSchema();
    const work = vi.fn();
    const run = createActionPipeline({ currentUser: () => Promise.reject(outage()) });
    const state = await run(form([["title", "Walk every day"]]), { name: "addGoal", schema, work });
    expect(state).toEqual({
      status: "error",
      formError: DATABASE_UNAVAILABLE_STATE.formError,
      values: { title: "Walk every day" },
    });
    expect(parses.count).toBe(0);
    expect(work).not.toHaveBeenCalled();
  });

  it("answers an outage during the work with 'not saved' and keeps what was typed", async () => {
    const run = createActionPipeline({ currentUser: async () => person });
    const state = await run(form([["title", "Walk"]]), {
      name: "addGoal",
      schema: countingSchema().schema,
      work: () => Promise.reject(outage()),
    });
    expect(state.formError).toBe(DATABASE_UNAVAILABLE_STATE.formError);
    expect(state.values).toEqual({ title: "Walk" });
  });

  it("never parses the form of someone signed out, and says they are signed out", async () => {
    const { schema, parses } = countingSchema();
    const work = vi.fn();
    const run = createActionPipeline({ currentUser: async () => null });
    const state = await run(form([["title", "Walk"]]), { name: "addGoal", schema, work });
    expect(state).toEqual({
      status: "error",
      formError: SIGNED_OUT_STATE.formError,
      values: { title: "Walk" },
    });
    expect(parses.count).toBe(0);
    expect(work).not.toHaveBeenCalled();
  });

  it("does not look the session up at all for an action that needs none", async () => {
    const currentUser = vi.fn(async () => person);
    const run = createActionPipeline({ currentUser });
    const state = await run(form([["title", "Walk"]]), {
      name: "declineInvitation",
      session: "none",
      schema: countingSchema().schema,
      work: async ({ user, input }) => ({ message: `${String(user)} ${input.title}` }),
    });
    expect(currentUser).not.toHaveBeenCalled();
    expect(state).toEqual({ status: "saved", message: "null Walk" });
  });

  it("refuses a session older than 10 minutes before parsing, when the action asks for a recent one", async () => {
    const { schema, parses } = countingSchema();
    const stale = { ...person, signedInAt: new Date(Date.now() - 11 * 60_000) };
    const run = createActionPipeline({ currentUser: async () => stale });
    const work = vi.fn();
    const state = await run(form([["title", "Walk"]]), {
      name: "deleteMyAccount",
      recentSignIn: true,
      schema,
      work,
    });
    expect(state.formError).toBe(FRESH_SIGN_IN_NEEDED_STATE.formError);
    expect(parses.count).toBe(0);
    expect(work).not.toHaveBeenCalled();
  });

  it("never lets invalid input reach the work, and returns every field's error", async () => {
    const work = vi.fn();
    const run = createActionPipeline({ currentUser: async () => person });
    const schema = z
      .object({
        title: z.string().trim().min(1, "Please write the goal."),
        day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Please choose the day."),
      })
      .strict();
    const state = await run(
      form([
        ["title", "  "],
        ["day", "tomorrow"],
      ]),
      { name: "addActivity", schema, work },
    );
    expect(work).not.toHaveBeenCalled();
    expect(state.status).toBe("error");
    expect(state.fieldErrors).toEqual({
      title: ["Please write the goal."],
      day: ["Please choose the day."],
    });
    expect(state.formError).toBeUndefined();
    expect(state.values).toEqual({ title: "  ", day: "tomorrow" });
  });

  it("refuses fields the form does not have, with a form-level message", async () => {
    const work = vi.fn();
    const run = createActionPipeline({ currentUser: async () => person });
    const state = await run(
      form([
        ["title", "Walk"],
        ["userId", "someone-else"],
      ]),
      { name: "addGoal", schema: countingSchema().schema, work },
    );
    expect(work).not.toHaveBeenCalled();
    expect(state.formError).toBe(UNEXPECTED_FIELDS_ERROR);
    expect(state.values).toEqual({ title: "Walk" });
  });

  it("hands the work the parsed input and the signed-in person, and answers 'saved'", async () => {
    const run = createActionPipeline({
      currentUser: async () => person,
      userToday: async (userId) => (userId === person.id ? "2026-12-05" : "1999-01-01"),
    });
    const state = await run(form([["day", "2026-12-05"]]), {
      name: "addActivity",
      schema: (today: string) =>
        z.object({ day: z.string().refine((d) => d <= today, "That date is in the future.") }),
      work: async ({ user, input }) => ({ message: `Saved ${input.day} for ${user.id}.` }),
    });
    expect(state).toEqual({ status: "saved", message: "Saved 2026-12-05 for user-1." });
    const future = await run(form([["day", "2026-12-06"]]), {
      name: "addActivity",
      schema: (today: string) =>
        z.object({ day: z.string().refine((d) => d <= today, "That date is in the future.") }),
      work: vi.fn(),
    });
    expect(future.fieldErrors).toEqual({ day: ["That date is in the future."] });
  });

  it("echoes what was typed when the work itself refuses", async () => {
    const run = createActionPipeline({ currentUser: async () => person });
    const state = await run(form([["title", "Walk"]]), {
      name: "invitePartner",
      schema: countingSchema().schema,
      work: async () => ({ fieldErrors: { title: ["You already invited this address."] } }),
    });
    expect(state).toEqual({
      status: "error",
      fieldErrors: { title: ["You already invited this address."] },
      values: { title: "Walk" },
    });
  });

  it("logs refused access with who and which action, never the row id", async () => {
    const { lines, log } = logLines();
    const run = createActionPipeline({ currentUser: async () => person, log });
    const rowId = "row_of_someone_else_42";
    const schema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict();

    const state = await run(form([["id", rowId]]), {
      name: "removeMemory",
      schema,
      work: async () => notFound(),
    });
    expect(state).toEqual({ status: "error", formError: NOT_FOUND_MESSAGE, values: { id: rowId } });

    // A malformed id is the same "not found", logged the same way.
    const malformed = await run(form([["id", "../../etc"]]), {
      name: "removeMemory",
      schema,
      invalid: "not-found",
      work: vi.fn(),
    });
    expect(malformed).toMatchObject({ status: "error", formError: NOT_FOUND_MESSAGE });

    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(JSON.parse(line)).toMatchObject({
        event: "access.refused",
        action: "removeMemory",
        userId: "user-1",
        reason: "not_found",
      });
      expect(line).not.toContain(rowId);
      expect(line).not.toContain("etc");
    }
  });

  it("lets redirects and real bugs through instead of calling them an outage", async () => {
    const run = createActionPipeline({ currentUser: async () => person });
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), {
      digest: "NEXT_REDIRECT;replace;/counseling;307;",
    });
    await expect(
      run(form([["title", "Walk"]]), {
        name: "addGoal",
        schema: countingSchema().schema,
        work: () => Promise.reject(redirect),
      }),
    ).rejects.toBe(redirect);
  });

  it("reads anything that is not a FormData as an empty form", async () => {
    const run = createActionPipeline({ currentUser: async () => person });
    const work = vi.fn();
    for (const notAForm of [undefined, "title=x", { title: "x" }]) {
      const state = await run(notAForm as unknown as FormData, {
        name: "addGoal",
        schema: countingSchema().schema,
        work,
      });
      expect(state.status).toBe("error");
      expect(state.values).toEqual({});
    }
    expect(work).not.toHaveBeenCalled();
  });
});

describe("the echo of a refused form", () => {
  const intakeLike = z
    .object({
      name: z.string().max(60),
      note: z.string().max(500).optional(),
      format: z.enum(["COUPLES", "INDIVIDUAL"]),
      country: z.enum(["DE", "FR", "US"]),
      focuses: z.array(z.enum(["TRUST", "CONFLICT", "PARENTING"])).max(3),
      contactMethod: z.enum(["EMAIL", "PHONE"]),
      phone: z.string().max(40).default(""),
      shareNote: z.enum(["on"]).optional(),
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    })
    .strict();

  it("keeps every kind of field: text, textarea, radio, select, checkbox group, a field shown for one choice", async () => {
    const run = createActionPipeline({ currentUser: async () => person });
    const state = await run(
      form([
        ["name", "Sam"],
        ["note", "Line one\nLine two\twith a tab"],
        ["format", "COUPLES"],
        ["country", "FR"],
        ["focuses", "TRUST"],
        ["focuses", "PARENTING"],
        ["contactMethod", "PHONE"],
        ["phone", "+1 555 123 4567"],
        ["shareNote", "on"],
        ["day", "not a day"],
      ]),
      { name: "submitIntake", schema: intakeLike, work: vi.fn() },
    );
    expect(state.status).toBe("error");
    expect(state.fieldErrors?.day).toBeDefined();
    expect(state.values).toEqual({
      name: "Sam",
      note: "Line one\nLine two\twith a tab",
      format: "COUPLES",
      country: "FR",
      focuses: ["TRUST", "PARENTING"],
      contactMethod: "PHONE",
      phone: "+1 555 123 4567",
      shareNote: "on",
      day: "not a day",
    });
  });

  it("gives a checkbox group with one tick a list, to the schema and to the echo", async () => {
    const run = createActionPipeline({ currentUser: async () => person });
    const schema = z.object({ focuses: z.array(z.enum(["TRUST", "CONFLICT"])).min(2) }).strict();
    const state = await run(form([["focuses", "TRUST"]]), {
      name: "submitIntake",
      schema,
      work: vi.fn(),
    });
    expect(state.fieldErrors?.focuses).toBeDefined();
    expect(state.values).toEqual({ focuses: ["TRUST"] });
    const accepted = await run(
      form([
        ["focuses", "TRUST"],
        ["focuses", "CONFLICT"],
      ]),
      {
        name: "submitIntake",
        schema,
        work: async ({ input }) => ({ message: input.focuses.join() }),
      },
    );
    expect(accepted).toEqual({ status: "saved", message: "TRUST,CONFLICT" });
  });

  it("cuts every value to the schema's own limit, and lists to their length", () => {
    const values = echo(
      {
        name: "n".repeat(70_000),
        note: "x".repeat(70_000),
        format: "COUPLES".repeat(1_000),
        focuses: Array.from({ length: 500 }, () => "PARENTING".repeat(100)),
        phone: "5".repeat(1_000),
        day: "9".repeat(10_000),
      },
      intakeLike,
    );
    expect(values.name).toHaveLength(60);
    expect(values.note).toHaveLength(500);
    expect(values.phone).toHaveLength(40);
    // A choice is at most as long as its longest option; a field without a stated limit keeps 100.
    expect(values.format).toHaveLength("INDIVIDUAL".length);
    expect(values.focuses).toHaveLength(3);
    for (const focus of values.focuses!) expect(focus).toHaveLength("PARENTING".length);
    expect(values.day).toHaveLength(100);
  });

  it("never echoes React's $ACTION_ keys, files, unknown fields or secrets", async () => {
    const run = createActionPipeline({ currentUser: async () => null, log: logLines().log });
    const state = await run(
      form([
        ["$ACTION_ID_abc123", ""],
        ["$ACTION_REF_1", "x"],
        ["name", "Sam"],
        ["note", new Blob(["a file"])],
        ["isAdmin", "true"],
        ["__proto__", "polluted"],
        ["token", "A".repeat(43)],
      ]),
      {
        name: "declineInvitation",
        session: "optional",
        schema: intakeLike,
        secretFields: ["token"],
        work: vi.fn(),
      },
    );
    expect(state.values).toEqual({ name: "Sam" });
    expect(Object.getPrototypeOf(state.values)).toBe(Object.prototype);
  });

  it("keeps a repeated single-choice field as the list that was sent, capped", () => {
    const values = echo({ format: ["COUPLES", "INDIVIDUAL"] }, intakeLike);
    expect(values.format).toEqual(["COUPLES", "INDIVIDUAL"]);
  });
});

describe("answerRefusal", () => {
  type Refusal = { ok: false; reason: "closed" } | { ok: false; reason: "limited"; hours: number };
  const answers = {
    closed: { formError: "Closed. Nothing was changed." },
    limited: ({ hours }: { hours: number }) => ({ formError: `Try again in ${hours} hours.` }),
  };

  it("answers a reason with its fixed words, or with words built from the refusal", () => {
    expect(answerRefusal<Refusal>(answers, { ok: false, reason: "closed" })).toEqual({
      formError: "Closed. Nothing was changed.",
    });
    expect(answerRefusal<Refusal>(answers, { ok: false, reason: "limited", hours: 3 })).toEqual({
      formError: "Try again in 3 hours.",
    });
  });

  it("keeps a 'not found' answer, so the pipeline still logs it as refused access", () => {
    const answer = answerRefusal<{ reason: "not_found" }>(
      { not_found: notFound("Gone.") },
      { reason: "not_found" },
    );
    expect(answer).toEqual({ notFound: true, formError: "Gone." });
  });
});
