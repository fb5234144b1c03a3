import type { Server } from "node:net";
import { SMTPServer } from "smtp-server";
import { parseMessage, type CaughtMessage } from "@/tests/support/smtp-catcher";

// A real SMTP server that, while `stalling`, takes a message's DATA in full and
// then never answers: the sender is mid-send (the server has the message, the
// sender has no reply), the moment a crash turns into a possible duplicate.

export type StallingSmtp = {
  url: string;
  stalled: (CaughtMessage & { at: number })[];
  delivered: (CaughtMessage & { at: number })[];
  setStalling(on: boolean): void;
  close(): Promise<void>;
};

export async function startStallingSmtp(port: number): Promise<StallingSmtp> {
  let stalling = true;
  const stalled: StallingSmtp["stalled"] = [];
  const delivered: StallingSmtp["delivered"] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const messages = session.envelope.rcptTo.map((r) => ({
          ...parseMessage(raw, r.address),
          at: Date.now(),
        }));
        if (stalling) {
          stalled.push(...messages);
          return; // never call back: the sender waits for a reply that does not come
        }
        delivered.push(...messages);
        callback();
      });
    },
  });
  server.on("error", () => {}); // the killed sender hangs up mid-session
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = (server as unknown as { server: Server }).server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    stalled,
    delivered,
    setStalling(on) {
      stalling = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled sessions would hold close() open; they are ours to end.
        const connections = (server as unknown as { connections?: Set<{ close(): void }> })
          .connections;
        connections?.forEach((c) => c.close());
        server.close(() => resolve());
      }),
  };
}
