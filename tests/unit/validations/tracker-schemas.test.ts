import { z } from "zod";
import { describe, expect, it } from "vitest";
import { checkInSchema } from "@/lib/validations/check-in";
import { formDataToObject } from "@/lib/validations/form-data";
import { activitySchema, goalDoneSchema, goalSchema } from "@/lib/validations/goal";
import { hardDateSchema, valentinesOfferSchema } from "@/lib/validations/hard-date";
import { memorySchema } from "@/lib/validations/memory";
import { reachOutSchema } from "@/lib/validations/reach-out";
import { trackerSettingsSchema } from "@/lib/validations/tracker-settings";

const TODAY = "2026-11-26";
const KEY = "3b241101-e2bb-4255-8caf-4136c566a962";
const goodCheckIn = { day: TODAY, mood: "3", missing: "7", contact: "NONE", note: "ok" };

function fieldErrors(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return z.flattenError(result.error) as {
    formErrors: string[];
    fieldErrors: Record<string, string[] | undefined>;
  };
}

describe(checkInSchema, () => {
  const schema = checkInSchema(TODAY);

  it("accepts a plain check-in and turns its numbers into numbers", () => {
    expect(schema.parse(goodCheckIn)).toEqual({
      day: TODAY,
      mood: 3,
      missing: 7,
      contact: "NONE",
      note: "ok",
    });
    expect(schema.parse({ ...goodCheckIn, note: "   " }).note).toBeUndefined();
  });

  it.each([
    ["a future day", { day: "2026-11-27" }, "day", /future/],
    ["a day before 1900", { day: "1899-12-31" }, "day", /1900/],
    ["a day that does not exist", { day: "2026-02-30" }, "day", /real date/],
    ["a mood below the scale", { mood: "0" }, "mood", /how you are feeling/],
    ["a mood above the scale", { mood: "6" }, "mood", /how you are feeling/],
    ["a fractional mood", { mood: "2.5" }, "mood", /how you are feeling/],
    ["missing them at 11", { missing: "11" }, "missing", /0 to 10/],
    ["an unknown contact", { contact: "TEXTED" }, "contact", /in contact/],
    ["a note over 5,000 characters", { note: "x".repeat(5001) }, "note", /5,000/],
    ["a trigger over its limit", { trigger: "x".repeat(501) }, "trigger", /500/],
    ["a repeated field", { mood: ["3", "4"] }, "mood", /how you are feeling/],
  ])("refuses %s next to the field", (_, change, field, message) => {
    const errors = fieldErrors(schema, { ...goodCheckIn, ...change });
    expect(errors.fieldErrors).toHaveProperty(field);
    expect((errors.fieldErrors as Record<string, string[]>)[field]!.join(" ")).toMatch(message);
  });

  it("refuses a field nobody asked for, as a form error", () => {
    const errors = fieldErrors(schema, { ...goodCheckIn, userId: "someone-else" });
    expect(errors.formErrors.length).toBeGreaterThan(0);
  });

  it("reports every bad field at once", () => {
    const errors = fieldErrors(schema, { day: "tomorrow", mood: "9", missing: "-1", contact: "?" });
    expect(Object.keys(errors.fieldErrors).sort()).toEqual(["contact", "day", "missing", "mood"]);
  });
});

describe("the other tracker forms", () => {
  it.each([
    ["memory kind", memorySchema, { kind: "NEUTRAL", text: "x", requestKey: KEY }, "kind"],
    ["empty memory", memorySchema, { kind: "GOOD", text: "   ", requestKey: KEY }, "text"],
    [
      "long memory",
      memorySchema,
      { kind: "GOOD", text: "x".repeat(2001), requestKey: KEY },
      "text",
    ],
    ["missing request key", memorySchema, { kind: "GOOD", text: "x" }, "requestKey"],
    ["goal title", goalSchema, { title: "x".repeat(201), requestKey: KEY }, "title"],
    [
      "goal date",
      goalSchema,
      { title: "x", targetDate: "1899-01-01", requestKey: KEY },
      "targetDate",
    ],
    ["goal done flag", goalDoneSchema, { id: "abc", done: "maybe" }, "done"],
    ["goal id", goalDoneSchema, { id: "a b;--", done: "true" }, "id"],
    [
      "activity in the future",
      activitySchema(TODAY),
      { title: "x", day: "2027-01-01", requestKey: KEY },
      "day",
    ],
    [
      "reach-out feeling",
      reachOutSchema(TODAY),
      { who: "mum", day: TODAY, feeling: "GREAT", requestKey: KEY },
      "feeling",
    ],
    [
      "reach-out name",
      reachOutSchema(TODAY),
      { who: "", day: TODAY, feeling: "SAME", requestKey: KEY },
      "who",
    ],
    [
      "hard date month",
      hardDateSchema,
      { label: "x", month: "13", day: "1", requestKey: KEY },
      "month",
    ],
    [
      "hard date day",
      hardDateSchema,
      { label: "x", month: "4", day: "31", requestKey: KEY },
      "day",
    ],
    ["valentines answer", valentinesOfferSchema, { answer: "maybe", requestKey: KEY }, "answer"],
    ["time zone", trackerSettingsSchema, { timeZone: "Mars/Base" }, "timeZone"],
    // An unknown zone next to a breakup date once made the future-date check throw (a 500).
    [
      "time zone with a breakup date",
      trackerSettingsSchema,
      { timeZone: "Mars/Base", breakupDate: "2020-01-01" },
      "timeZone",
    ],
    [
      "empty time zone",
      trackerSettingsSchema,
      { timeZone: "", breakupDate: "2020-01-01" },
      "timeZone",
    ],
    [
      "breakup in the future",
      trackerSettingsSchema,
      { timeZone: "UTC", breakupDate: "2999-01-01" },
      "breakupDate",
    ],
  ])("refuses a bad %s next to the field", (_, schema, input, field) => {
    expect(fieldErrors(schema as z.ZodType, input).fieldErrors).toHaveProperty(field);
  });

  it("accepts February 29 as a hard date and a settings form without a breakup date", () => {
    expect(
      hardDateSchema.parse({ label: "x", month: "2", day: "29", requestKey: KEY }),
    ).toMatchObject({ month: 2, day: 29 });
    expect(trackerSettingsSchema.parse({ timeZone: "Asia/Kolkata", breakupDate: "" })).toEqual({
      timeZone: "Asia/Kolkata",
      breakupDate: undefined,
    });
  });
});

describe(formDataToObject, () => {
  it("drops React's own $ACTION fields and keeps repeated names and files for the schema to refuse", () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("mood", "3");
    form.append("mood", "4");
    form.append("note", new Blob(["x"]), "note.txt");
    const object = formDataToObject(form);
    expect(Object.keys(object).sort()).toEqual(["mood", "note"]);
    expect(object.mood).toEqual(["3", "4"]);
    expect(object.note).toBeInstanceOf(File);
  });

  it("keeps a field named __proto__ as a plain key the strict schema refuses", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(goodCheckIn)) form.append(name, value);
    form.append("__proto__", new Blob(["{}"]));
    const object = formDataToObject(form);
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(Object.hasOwn(object, "__proto__")).toBe(true);
    expect(checkInSchema(TODAY).safeParse(object).success).toBe(false);
  });

  it("reads anything that is not a FormData (an action called with other arguments) as an empty form", () => {
    for (const notAForm of [undefined, null, "mood=3", 3, {}, { get: () => "3" }, ["mood", "3"]]) {
      expect(formDataToObject(notAForm as unknown as FormData)).toEqual({});
    }
  });
});
