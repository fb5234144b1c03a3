import type { Server } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server (the `smtp-server` package) that keeps what it receives,
// for integration tests, e2e tests and the benchmark. It can refuse mail on
// demand to exercise retries. Plain SMTP on 127.0.0.1: no TLS, no AUTH.
//
//   const smtp = await startSmtpCatcher();            // a free port; or { port: 3420 }
//   ... SMTP_URL=smtp.url ...
//   const mail = await smtp.waitForMessage((m) => m.to === "ana@example.com");
//   mail.links // every http(s) link in the text part
//   await smtp.close();

export type CaughtMessage = {
  /** Envelope recipient (RCPT TO), lower-cased. */
  to: string;
  subject: string;
  messageId: string;
  headers: Record<string, string>;
  text: string;
  html: string;
  links: string[];
  /** Every text/calendar part (an invitation's .ics), decoded. */
  calendars: string[];
  raw: string;
};

export type SmtpCatcher = {
  port: number;
  url: string;
  messages: CaughtMessage[];
  /** "accept" (default), or refuse every message with a temporary 451 error. */
  setMode(mode: "accept" | "refuse"): void;
  /** How many deliveries were refused so far. */
  refusals(): number;
  waitForMessage(
    predicate: (message: CaughtMessage) => boolean,
    timeoutMs?: number,
  ): Promise<CaughtMessage>;
  close(): Promise<void>;
};

function unfoldHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  if (encoding === "base64")
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

function decodeHeaderWord(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
    kind.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

/** Splits a MIME message into its leaf parts (enough for nodemailer's output). */
function leafParts(
  headers: Record<string, string>,
  body: string,
): { type: string; content: string }[] {
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith("multipart/") && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith("--"))
      .flatMap((part) => {
        const trimmed = part.replace(/^\r\n/, "");
        const split = trimmed.indexOf("\r\n\r\n");
        const partHeaders = unfoldHeaders(trimmed.slice(0, split));
        return leafParts(partHeaders, trimmed.slice(split + 4).replace(/\r\n$/, ""));
      });
  }
  return [{ type: type.toLowerCase(), content: decodeBody(headers, body) }];
}

export function parseMessage(raw: string, to: string): CaughtMessage {
  const split = raw.indexOf("\r\n\r\n");
  const headers = unfoldHeaders(raw.slice(0, split));
  const parts = leafParts(headers, raw.slice(split + 4));
  const text = parts.find((p) => p.type.startsWith("text/plain"))?.content ?? "";
  const html = parts.find((p) => p.type.startsWith("text/html"))?.content ?? "";
  return {
    to: to.toLowerCase(),
    subject: decodeHeaderWord(headers.subject ?? ""),
    messageId: headers["message-id"] ?? "",
    headers,
    text,
    html,
    links: text.match(/https?:\/\/\S+/g) ?? [],
    calendars: parts.filter((p) => p.type.startsWith("text/calendar")).map((p) => p.content),
    raw,
  };
}

/** Starts the catcher; `port: 0` (the default) picks a free port. */
export async function startSmtpCatcher({
  port = 0,
  host = "127.0.0.1",
}: {
  port?: number;
  host?: string;
} = {}): Promise<SmtpCatcher> {
  const messages: CaughtMessage[] = [];
  const waiters = new Set<() => void>();
  let mode: "accept" | "refuse" = "accept";
  let refused = 0;

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 1024 * 1024,
    onRcptTo(_address, _session, callback) {
      if (mode === "refuse") {
        refused++;
        const error = new Error("Mailbox temporarily unavailable") as Error & {
          responseCode: number;
        };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        for (const recipient of session.envelope.rcptTo) {
          messages.push(parseMessage(raw, recipient.address));
        }
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", () => {}); // a client hanging up mid-session is not our failure
  const bound = (server as unknown as { server: Server }).server.address();
  const actualPort = typeof bound === "object" && bound ? bound.port : port;

  return {
    port: actualPort,
    url: `smtp://${host}:${actualPort}`,
    messages,
    setMode(next) {
      mode = next;
    },
    refusals: () => refused,
    waitForMessage(predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(found);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(
            new Error(`No matching email within ${timeoutMs} ms (${messages.length} received)`),
          );
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
