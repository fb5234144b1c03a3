import pino from "pino";
import { env } from "@/lib/env";

// Logs are read by operators, copied into tickets and kept for months. They must
// never carry secrets or anything a person wrote, so redaction is by key name at
// any depth (not only at known paths), and email addresses are scrubbed from
// every string, including the message itself.

const SECRET_KEY =
  /token|secret|password|passwd|cookie|authorization|auth|session|hash|key|email|e-mail|address|note|text|body|message|content|journal|memory|answer|name|trigger|title|intake|hmac|signature/i;
const ALWAYS_KEEP = new Set(["msg", "level", "time", "pid", "hostname", "err", "event", "route"]);
const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/gi;
export const REDACTED = "[redacted]";

export function scrubString(value: string): string {
  return value.replace(EMAIL, "[email]");
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

/** A logger with our redaction rules; tests pass their own destination. */
export function createLogger(destination?: pino.DestinationStream) {
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
