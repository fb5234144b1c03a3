import "server-only";
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { EnvError, env, isProduction } from "@/lib/env";
import { storeDevMailboxMessage } from "@/lib/data/dev-mailbox";

// Where outgoing mail goes: an SMTP server when one is configured, otherwise
// (outside production, or with DEV_MAILBOX=true) the development mailbox.

export type OutgoingEmail = {
  /** The outbox row id; the Message-ID is derived from it. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  calendar?: { method: "REQUEST" | "CANCEL"; filename: string; content: string };
};

export type MailTransport = {
  kind: "smtp" | "dev-mailbox";
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
};

/** A stable Message-ID: re-sending a row after a crash yields the same id, so receivers can dedupe. */
export function messageIdFor(id: string): string {
  return `<${id}@${new URL(env.APP_URL).hostname}>`;
}

export function defaultFromAddress(): string {
  return env.EMAIL_FROM ?? `Heartwork <no-reply@${new URL(env.APP_URL).hostname}>`;
}

export type SmtpOptions = SMTPPool.Options;

export function smtpOptionsFromEnv(): SmtpOptions | null {
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  const pool = {
    pool: true as const,
    maxConnections: env.SMTP_MAX_CONNECTIONS,
    maxMessages: 1_000,
  };
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    return {
      ...pool,
      ...timeouts,
      host: url.hostname,
      port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
      secure: url.protocol === "smtps:",
      ...(url.username
        ? {
            auth: {
              user: decodeURIComponent(url.username),
              pass: decodeURIComponent(url.password),
            },
          }
        : {}),
    };
  }
  if (env.SMTP_HOST) {
    return {
      ...pool,
      ...timeouts,
      host: env.SMTP_HOST,
      port: env.SMTP_PORT ?? (env.SMTP_SECURE ? 465 : 587),
      secure: env.SMTP_SECURE,
      ...(env.SMTP_USER ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } } : {}),
    };
  }
  return null;
}

export function createSmtpTransport(
  options: SmtpOptions,
  from: string = defaultFromAddress(),
): MailTransport {
  const transporter = nodemailer.createTransport(options);
  return {
    kind: "smtp",
    async send(message) {
      const info = await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: messageIdFor(message.id),
        // nodemailer sends it both as the text/calendar alternative calendars
        // act on (with its METHOD) and as an .ics attachment.
        ...(message.calendar
          ? {
              icalEvent: {
                method: message.calendar.method,
                filename: message.calendar.filename,
                content: message.calendar.content,
              },
            }
          : {}),
        // Transactional mail: no auto-replies back to us.
        headers: { ...message.headers, "Auto-Submitted": "auto-generated" },
      });
      const refused = info.rejected ?? [];
      if (refused.length > 0) throw new Error("The SMTP server refused the recipient");
    },
    close() {
      transporter.close();
    },
  };
}

export function createDevMailboxTransport(): MailTransport {
  return {
    kind: "dev-mailbox",
    async send(message) {
      // The mailbox keeps what a person reads; headers and calendar files stay out of its table.
      const { id, to, subject, text, html } = message;
      await storeDevMailboxMessage({ id, to, subject, text, html });
    },
    close() {},
  };
}

/** Whether /dev/mailbox exists: no SMTP configured, and DEV_MAILBOX (default: on outside production). */
export function devMailboxEnabled(): boolean {
  if (smtpOptionsFromEnv()) return false;
  return env.DEV_MAILBOX ?? !isProduction;
}

export function transportFromEnv(): MailTransport {
  const smtp = smtpOptionsFromEnv();
  if (smtp) return createSmtpTransport(smtp);
  if (devMailboxEnabled()) return createDevMailboxTransport();
  throw new EnvError(
    "Invalid environment variable SMTP_URL: no SMTP server is configured in production. " +
      "Set SMTP_URL (or SMTP_HOST...), or DEV_MAILBOX=true to keep mail in /dev/mailbox (never on a public server).",
  );
}
