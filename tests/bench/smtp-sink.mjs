// A local smtp-server in a process of its own (the benchmark's receiving end),
// so the SMTP server and the delivery worker do not share one event loop. It
// records each message's Message-ID and reports them over IPC when asked.
import { SMTPServer } from "smtp-server";

const received = [];
const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    let head = "";
    stream.on("data", (chunk) => {
      if (head.length < 4096) head += chunk.toString("latin1");
    });
    stream.on("end", () => {
      received.push(/^message-id:\s*(\S+)/im.exec(head)?.[1] ?? "");
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => process.send({ port: server.server.address().port }));
process.on("message", (message) => {
  if (message === "report") process.send({ received });
  if (message === "reset") received.length = 0;
  if (message === "stop") server.close(() => process.exit(0));
});
