import { db } from "@/lib/db";
import { uniqueAddress } from "@/tests/support/counseling";
import { describe, outcomeOf, PORTS, requestSignIn, signInConfirmed, startApp, tail } from "./app";
import { poll, seconds, type Drill } from "./harness";
import { startStallingSmtp } from "./stalling-smtp";

// d. `kill -9` an instance in the middle of a send: the SMTP server has the
// message but the instance dies before it hears back or records anything.
// The row stays claimed until EMAIL_CLAIM_TIMEOUT_MS passes; then another
// instance sends it again with the same Message-ID (at-least-once delivery:
// this is the one case where the recipient can get a message twice).

export const killDuringSend: Drill = {
  name: "d. kill -9 an instance during a send",
  boundMs: { short: 90_000, full: 180_000 },
  async run(context) {
    const { report, short } = context;
    const claimMs = short ? 4_000 : 10_000;
    const smtp = await startStallingSmtp(PORTS.smtp(3));
    context.defer(() => smtp.close());
    const env = { SMTP_URL: smtp.url, EMAIL_CLAIM_TIMEOUT_MS: String(claimMs) };
    const first = await startApp(context, PORTS.instance(3), env);

    const to = uniqueAddress("signin");
    const asked = await requestSignIn(first.url, to);
    report.check(
      "a sign-in mail was queued",
      outcomeOf(asked, signInConfirmed) === "confirmed",
      describe(asked),
    );
    const stalled = await poll(() => smtp.stalled.find((m) => m.to === to) ?? null, {
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    const queued = await db.outboxMessage.findFirst({
      where: { to },
      select: { status: true, attempts: true, lastError: true },
    });
    report.check(
      "the instance was mid-send: the SMTP server had the whole message and had not answered",
      stalled !== null,
      stalled
        ? `Message-ID ${stalled.messageId}`
        : `the message never reached the server (outbox row ${JSON.stringify(queued)})\n${tail(first)}`,
    );
    if (!stalled) return;

    const killedAt = Date.now();
    first.process.kill("SIGKILL");
    await new Promise((resolve) => first.process.once("exit", resolve));
    smtp.setStalling(false);
    const row = await db.outboxMessage.findFirst({
      where: { to },
      select: { id: true, status: true, attempts: true, lockedUntil: true },
    });
    report.check(
      "after the kill the message is still claimed, not recorded as sent",
      row?.status === "sending",
      `outbox row "${row?.status}", attempt ${row?.attempts}`,
    );

    const second = await startApp(context, PORTS.instance(4), env);
    const startedIn = Date.now() - killedAt;
    const delivered = await poll(() => smtp.delivered.find((m) => m.to === to) ?? null, {
      timeoutMs: claimMs + 30_000,
      intervalMs: 50,
    });
    // The dead worker's claim ran until lockedUntil (the database's clock, on this machine).
    const claimEnds = row?.lockedUntil?.getTime() ?? Infinity;
    report.check(
      "another instance delivered it once the claim timed out, not before",
      delivered !== null && delivered.at >= claimEnds - 100,
      delivered
        ? `claim (${seconds(claimMs)}) expired ${seconds(claimEnds - killedAt)} after the kill, ` +
            `delivered ${seconds(delivered.at - killedAt)} after it ` +
            `(the second instance was ready ${seconds(startedIn)} after the kill)`
        : "never delivered",
    );
    report.check(
      "with the same Message-ID, so the receiver can tell it is the same message",
      delivered?.messageId === stalled.messageId && !!stalled.messageId,
      `${stalled.messageId} → ${delivered?.messageId ?? "none"}`,
    );
    const final = await poll(
      async () => {
        const r = await db.outboxMessage.findFirst({
          where: { id: row?.id },
          select: { status: true, attempts: true },
        });
        return r?.status === "sent" ? r : null;
      },
      { timeoutMs: 5_000 },
    );
    report.check(
      "the row is recorded sent after two attempts, and nothing more is sent",
      final?.attempts === 2 && smtp.delivered.filter((m) => m.to === to).length === 1,
      `status ${final?.status ?? "not sent"}, attempts ${final?.attempts}; receiver saw it ` +
        `${smtp.stalled.filter((m) => m.to === to).length + smtp.delivered.filter((m) => m.to === to).length} times ` +
        `(once unanswered, once accepted: at-least-once) — pid ${second.process.pid}`,
    );
  },
};
