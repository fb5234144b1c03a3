import pino from "pino";
import { env } from "@/lib/env";
import { createLogDestination } from "@/lib/log-destination";

// Logs are read by operators, copied into tickets and kept for months. They must
// never carry secrets or anything a person wrote, so redaction is by key name at
// any depth (not only at known paths), and email addresses are scrubbed from
// every string, including the message itself.

const SECRET_KEY =
  /token|secret|password|passwd|cookie|authorization|auth|session|hash|key|email|e-mail|address|note|text|body|message|content|journal|memory|answer|name|trigger|title|intake|hmac|signature/i;
const ALWAYS_KEEP = new Set(["msg", "level", "time", "pid", "hostname", "err", "event", "route"]);
export const REDACTED = "[redacted]";

// What an address is made of: anything but white space, "@" and the
// punctuation that usually surrounds one in text.
const NOT_IN_ADDRESS = new Set([..."@<>\"'(),;:"].map((c) => c.charCodeAt(0)));
const WHITE_SPACE = /\s/;
function isAddressChar(value: string, index: number): boolean {
  const code = value.charCodeAt(index);
  if (Number.isNaN(code)) return false; // past either end
  if (code > 32 && code < 127) return !NOT_IN_ADDRESS.has(code);
  return !WHITE_SPACE.test(value[index]!);
}
function isAsciiLetter(value: string, index: number): boolean {
  const code = value.charCodeAt(index) | 0x20; // lower-cases ASCII letters
  return code >= 97 && code <= 122;
}

/**
 * Replaces every `local@domain.tld` with "[email]": the matches of
 * /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/gi, found in linear time. That
 * regular expression retries from every position of a long run without "@"
 * (quadratic: 40,000 characters took about a second of a request's time), so
 * this walks out from each "@" instead, each character visited a bounded
 * number of times.
 */
export function scrubString(value: string): string {
  let at = value.indexOf("@");
  if (at === -1) return value;
  let out = "";
  let copied = 0; // everything before this index is in `out` (or replaced)
  while (at !== -1) {
    let start = at;
    while (start > copied && isAddressChar(value, start - 1)) start--;
    let end = at + 1;
    while (isAddressChar(value, end)) end++;
    // The domain: the longest run that ends in "." and two or more letters
    // after at least one character, as the greedy expression would take it.
    let matchEnd = -1;
    for (let dot = end - 3; dot >= at + 2 && matchEnd === -1; dot--) {
      if (value[dot] !== "." || !isAsciiLetter(value, dot + 1) || !isAsciiLetter(value, dot + 2)) {
        continue;
      }
      matchEnd = dot + 3;
      while (isAsciiLetter(value, matchEnd)) matchEnd++;
    }
    if (start < at && matchEnd !== -1) {
      out += `${value.slice(copied, start)}[email]`;
      copied = matchEnd;
    }
    at = value.indexOf("@", Math.max(at + 1, copied));
  }
  return out + value.slice(copied);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return REDACTED;
  if (typeof value === "string") return scrubString(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) {
    // Keep the class, message and stack, scrubbed like any other string.
    return {
      type: value.name,
      message: scrubString(value.message),
      stack: scrubString(value.stack ?? ""),
    };
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        !ALWAYS_KEEP.has(key) && SECRET_KEY.test(key) ? REDACTED : redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * A logger with our redaction rules, writing to stdout through a destination
 * that survives the reader going away (lib/log-destination.ts); tests pass their own.
 */
export function createLogger(destination: pino.DestinationStream = createLogDestination()) {
  return pino(
    {
      level: env.LOG_LEVEL,
      base: { pid: process.pid },
      formatters: {
        log: (object) => redact(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === "string" ? scrubString(a) : a));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export const logger = createLogger();
