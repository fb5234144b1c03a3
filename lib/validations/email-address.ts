import { z } from "zod";

// The addresses we accept: a plain dot-atom local part, one "@", a domain of
// letters, digits and hyphens with a dot. Deliberately narrower than RFC 5322:
// quoted local parts ("a@evil.example"@victim.example), comments, IP literals
// and anything with control characters (CR/LF header injection) are refused
// with a clear message instead of being "fixed", so what we store is exactly
// what the person typed, lower-cased.

export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^[a-z]{2,63}$|^xn--[a-z0-9-]{1,59}$/;

export const EMAIL_FORMAT_MESSAGE = "Enter an email address like name@example.com.";

export type EmailAddressProblem = "missing" | "too_long" | "control_characters" | "format";

export function emailAddressProblem(raw: string): EmailAddressProblem | null {
  // Control characters anywhere (CR/LF, tab, NUL...) are an injection attempt
  // or a paste accident: refuse rather than trim them away.

  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(raw)) return "control_characters";
  const value = raw.trim();
  if (value.length === 0) return "missing";
  if (value.length > EMAIL_MAX_LENGTH) return "too_long";
  const at = value.lastIndexOf("@");
  if (at <= 0 || value.indexOf("@") !== at) return "format";
  const local = value.slice(0, at).toLowerCase();
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > LOCAL_MAX_LENGTH) return "too_long";
  if (!LOCAL_PART.test(local)) return "format";
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return "format";
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? "")) return "format";
  return null;
}

const MESSAGES: Record<EmailAddressProblem, string> = {
  missing: "Enter your email address.",
  too_long: `That address is too long. Email addresses have at most ${EMAIL_MAX_LENGTH} characters.`,
  control_characters: "That address contains a line break or another hidden character.",
  format: EMAIL_FORMAT_MESSAGE,
};

/**
 * A well-formed address, trimmed and lower-cased; anything else is a form
 * error. `missing` says whose address is asked for ("your partner's").
 */
export function emailAddress(missing: string = MESSAGES.missing) {
  return (
    z
      .string({ error: missing })
      // Oversized input is refused before any other work is done on it.
      .max(EMAIL_MAX_LENGTH + 64, MESSAGES.too_long)
      .superRefine((value, ctx) => {
        const problem = emailAddressProblem(value);
        if (problem) {
          ctx.addIssue({
            code: "custom",
            message: problem === "missing" ? missing : MESSAGES[problem],
          });
        }
      })
      .transform((value) => value.trim().toLowerCase())
  );
}

export const emailAddressSchema = emailAddress();

/** Throws on a bad address: for places where bad input is a programming error. */
export function normalizeEmailAddress(raw: string): string {
  const problem = emailAddressProblem(raw);
  if (problem) throw new Error(`Invalid email address (${problem})`);
  return raw.trim().toLowerCase();
}

// Matching form of an address; it lives beside nothing else so that the
// address HMAC (lib/crypto) can use it without lib/crypto depending on the
// schemas, which depend on lib/counseling, which seals through lib/crypto.
export { canonicalEmailAddress } from "@/lib/addresses/canonical-email-address";
