import fc from "fast-check";

// The values the security fuzz spec (tests/e2e/security-fuzz.spec.ts) sends to
// every server action: hostile text that a form could carry (and that may be
// stored), values no form would send, and oversized ones.

/** Each of these sets window.__pwned or opens a dialog if it ever runs as script. */
export const XSS_PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '"><script>window.__pwned=1</script>',
  "</textarea><script>window.__pwned=1</script>",
  "</title><script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  "<svg onload=window.__pwned=1>",
  "<details open ontoggle=window.__pwned=1>",
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">click</a>',
  "javascript:window.__pwned=1",
  "'-alert(1)-'",
  '";alert(1);//',
  "{{constructor.constructor('window.__pwned=1')()}}",
  "${window.__pwned=1}",
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
];

export const SQL_FRAGMENTS = [
  "' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  "1; SELECT pg_sleep(5)",
  '") UNION SELECT * FROM "Session" --',
  "\\'; --",
  "%' AND 1=1 --",
];

export const UNICODE_EDGES = [
  "\uD800", // lone high surrogate
  "a\uDFFFb", // lone low surrogate
  "\u202Egnp.exe", // right-to-left override
  "\u200B\u200C\u200D\uFEFF", // zero-width characters
  "\u0000",
  "a\u0000b",
  "😢💔🫶🏽👩‍❤️‍👨",
  "Z̷̡̛̗a̴͖͝l̷g̸o̵",
  "\u2028\u2029",
  "\uFFFF\uFFFE",
  "ﷺ",
  "\u0301",
];

export const LINE_BREAKS = [
  "line\r\nBcc: everyone@example.com",
  "someone@example.com\r\nBcc: everyone@example.com",
  "\r\n\r\n<html>",
  "a\rb\nc",
  "%0d%0aSet-Cookie: x=y",
];

export const NUMBERISH = [
  "",
  " ",
  "0",
  "-1",
  "-0",
  "1.5",
  "1e3",
  "1e309",
  "NaN",
  "Infinity",
  "-Infinity",
  "9007199254740993",
  "-99999999999999999999",
  "0x10",
  "null",
  "undefined",
  "true",
  "false",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "9999-12-31",
  "0000-00-00",
  "2026-02-30",
  "1899-12-31",
  "+275760-09-13",
];

const OVERSIZED = fc.oneof(
  fc.integer({ min: 101, max: 1_200 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 5_001, max: 70_000 }).map((n) => "y".repeat(n)),
  fc.constant("😢".repeat(3_000)),
  fc.constant("<script>window.__pwned=1</script>".repeat(400)),
);

/** Any hostile string. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...XSS_PAYLOADS), weight: 3 },
  { arbitrary: fc.constantFrom(...SQL_FRAGMENTS), weight: 2 },
  { arbitrary: fc.constantFrom(...UNICODE_EDGES), weight: 2 },
  { arbitrary: fc.constantFrom(...LINE_BREAKS), weight: 1 },
  { arbitrary: fc.constantFrom(...NUMBERISH), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 },
  { arbitrary: OVERSIZED, weight: 1 },
);

/** A form value: mostly strings, sometimes a file where text was expected (a wrong type). */
export type FieldValue = string | Blob;

export const hostileValue: fc.Arbitrary<FieldValue> = fc.oneof(
  { arbitrary: hostileString, weight: 12 },
  {
    arbitrary: fc
      .constantFrom("<script>window.__pwned=1</script>", "%PDF-1.4", "")
      .map((text) => new Blob([text], { type: "text/html" })),
    weight: 1,
  },
);

/** Field names no form of ours has: mass assignment and prototype tricks. */
export const EXTRA_NAMES = [
  "userId",
  "id",
  "email",
  "role",
  "isAdmin",
  "__proto__",
  "constructor",
  "prototype",
  "$ACTION_ID_0",
  "$ACTION_REF_1",
  "0",
  "",
  "name[]",
  "a".repeat(300),
];

export type Fields = Array<[string, FieldValue]>;

/**
 * One fuzz case for a form with `names`: from the form's valid values (when
 * `valid` is given) or from nothing, some fields replaced by hostile values,
 * some dropped, some added twice, some that no form has.
 */
export function formCase(
  names: readonly string[],
  valid: fc.Arbitrary<Record<string, string>>,
  fieldValue: fc.Arbitrary<FieldValue> = hostileValue,
): fc.Arbitrary<Fields> {
  const own = names.length > 0 ? fc.constantFrom(...names) : fc.constantFrom(...EXTRA_NAMES);
  return fc
    .record({
      base: fc.oneof(valid, fc.constant({} as Record<string, string>)),
      replace: fc.dictionary(own, fieldValue, { maxKeys: 3 }),
      drop: fc.subarray([...names], { maxLength: Math.min(2, names.length) }),
      extra: fc.array(fc.tuple(fc.oneof(own, fc.constantFrom(...EXTRA_NAMES)), fieldValue), {
        maxLength: 2,
      }),
    })
    .map(({ base, replace, drop, extra }) => {
      const merged: Record<string, FieldValue> = { ...base, ...replace };
      const fields: Fields = Object.entries(merged).filter(([name]) => !drop.includes(name));
      return [...fields, ...extra];
    });
}

/** The object a server action's zod schema sees (lib/validations/form-data.ts), for classifying a case. */
export function asObject(fields: Fields): Record<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [name, value] of fields) {
    if (name.startsWith("$ACTION")) continue;
    if (!map.has(name)) map.set(name, value);
    else {
      const existing = map.get(name);
      map.set(name, Array.isArray(existing) ? [...existing, value] : [existing, value]);
    }
  }
  return Object.fromEntries(map);
}

/** Short, printable description of a case for failure messages. */
export function describeCase(fields: Fields): string {
  return JSON.stringify(
    fields.map(([n, v]) => [
      n,
      typeof v === "string" ? (v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v) : "<file>",
    ]),
  );
}
