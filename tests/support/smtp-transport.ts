import { createSmtpTransport, type MailTransport } from "@/lib/email/transport";

/** The app's own SMTP transport, pointed at a local catcher (plain SMTP, no TLS). */
export function smtpTransportTo(port: number, { connections = 5 } = {}): MailTransport {
  return createSmtpTransport(
    {
      host: "127.0.0.1",
      port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: connections,
      maxMessages: Infinity,
      connectionTimeout: 2_000,
      greetingTimeout: 2_000,
      socketTimeout: 5_000,
    },
    "Heartwork <no-reply@localhost>",
  );
}
