import { uniqueAddress } from "@/tests/support/counseling";
import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import {
  checkIn,
  checkInConfirmed,
  describe,
  halfWrittenInvitations,
  invitationConfirmed,
  invitationsOf,
  invitePartner,
  missingCheckIns,
  outcomeOf,
  pastDay,
  PORTS,
  signedInInviters,
  signedInPeople,
  startApp,
  type CheckInWrite,
  warmUp,
  type WriteOutcome,
} from "./app";
import { poll, seconds, sleep, type Drill } from "./harness";

// c. `kill -9` an instance while people save check-ins and send invitations:
// nothing the client saw confirmed is lost, no invitation exists without the
// outbox row of its email (they commit in one transaction), and after a
// restart every invitation that exists is mailed exactly once.

export const killDuringWrites: Drill = {
  name: "c. kill -9 an instance during writes",
  boundMs: { short: 90_000, full: 180_000 },
  async run(context) {
    const { report, short } = context;
    const smtp = await startSmtpCatcher({ port: PORTS.smtp(2) });
    context.defer(() => smtp.close());
    const port = PORTS.instance(2);
    // A short claim: mail the dead instance had claimed comes back within seconds.
    const env = { SMTP_URL: smtp.url, EMAIL_CLAIM_TIMEOUT_MS: short ? "3000" : "5000" };
    const app = await startApp(context, port, env);
    const people = await signedInPeople(short ? 4 : 8);
    const inviters = await signedInInviters(short ? 10 : 30);
    const partners = new Map(inviters.map((i) => [i.id, uniqueAddress("partner")]));
    await warmUp(app.url, { invitations: true });

    type Write = { start: number; end: number; outcome: WriteOutcome };
    const checkIns: (Write & { write: CheckInWrite })[] = [];
    const invitations: (Write & { inviterId: string })[] = [];
    let stopping = false;
    const writer = async (person: (typeof people)[number]) => {
      for (let n = 1; !stopping; n++) {
        const write = { userId: person.id, day: pastDay(n), mood: 1 + (n % 5), missing: n % 11 };
        const start = Date.now();
        const result = await checkIn(app.url, person, write);
        const outcome = outcomeOf(result, checkInConfirmed);
        checkIns.push({ write, start, end: Date.now(), outcome });
        if (outcome === "no answer") return;
      }
    };
    // Invitations spread over the whole window, so some are in flight at the kill.
    const windowMs = short ? 4_000 : 8_000;
    const inviting = inviters.map(async (inviter, index) => {
      await sleep((index / inviters.length) * windowMs * 1.1);
      const start = Date.now();
      const result = await invitePartner(app.url, inviter, partners.get(inviter.id)!);
      invitations.push({
        inviterId: inviter.id,
        start,
        end: Date.now(),
        outcome: outcomeOf(result, invitationConfirmed),
      });
      if (outcomeOf(result, invitationConfirmed) === "unclear")
        report.note(`unexpected invitation answer: ${describe(result)}`);
    });
    const writers = people.map(writer);

    await sleep(windowMs);
    const killedAt = Date.now();
    app.process.kill("SIGKILL");
    await new Promise((resolve) => app.process.once("exit", resolve));
    await sleep(500);
    stopping = true;
    await Promise.all([...writers, ...inviting]);

    const all = [...checkIns, ...invitations];
    const inFlight = all.filter((w) => w.start < killedAt && w.end >= killedAt);
    report.check(
      "the kill landed while writes were in flight",
      inFlight.length > 0,
      `${inFlight.length} requests in flight at the kill (${inFlight.filter((w) => w.outcome === "no answer").length} got no answer); ` +
        `${checkIns.length} check-ins and ${invitations.length} invitations attempted in ${seconds(windowMs)}`,
    );
    const confirmedCheckIns = checkIns.filter((w) => w.outcome === "confirmed").map((w) => w.write);
    const { missing } = await missingCheckIns(confirmedCheckIns);
    report.check(
      "every check-in the client saw confirmed is in the database",
      confirmedCheckIns.length > 0 && missing.length === 0,
      `${confirmedCheckIns.length} confirmed, ${missing.length} missing`,
    );
    const stored = await invitationsOf(inviters.map((i) => i.id));
    const confirmedInvitations = invitations.filter((w) => w.outcome === "confirmed");
    const lost = confirmedInvitations.filter(
      (w) => stored.filter((s) => s.inviterId === w.inviterId).length !== 1,
    );
    report.check(
      "every invitation the client saw confirmed exists, once",
      confirmedInvitations.length > 0 && lost.length === 0,
      `${confirmedInvitations.length} confirmed, ${lost.length} missing or doubled; ${stored.length} stored in all`,
    );
    const halfWritten = await halfWrittenInvitations(inviters.map((i) => i.id));
    report.check(
      "no half-written invitation (an invitation without the outbox row of its email)",
      halfWritten === 0,
      `${stored.length} invitations, ${halfWritten} without their email queued`,
    );
    const unclear = all.filter((w) => w.outcome === "unclear");
    report.check(
      "no write got a misleading answer",
      unclear.length === 0,
      `${all.filter((w) => w.outcome === "confirmed").length} confirmed, ` +
        `${all.filter((w) => w.outcome === "no answer").length} no answer (the instance was gone), ${unclear.length} unclear`,
    );

    // A fresh instance on the same port picks up the outbox where the dead one left it.
    const deliveredBeforeKill = new Set(
      smtp.messages.filter((m) => m.to.startsWith("partner.")).map((m) => m.to),
    );
    const restarted = await startApp(context, port, env);
    const expected = stored.map((s) => partners.get(s.inviterId)!);
    await poll(() => expected.every((to) => smtp.messages.some((m) => m.to === to)), {
      timeoutMs: 30_000,
    });
    await sleep(1_500);
    const counts = expected.map((to) => ({
      to,
      count: smtp.messages.filter((m) => m.to === to).length,
    }));
    // A second copy is the documented at-least-once case only if the dead
    // instance had handed the first to the SMTP server before it died.
    const unexplained = counts.filter((c) => c.count > 1 && !deliveredBeforeKill.has(c.to));
    const twice = counts.filter((c) => c.count > 1);
    report.check(
      "after a restart, every invitation that exists is mailed (once, or twice only if the dead instance had sent it)",
      counts.every((c) => c.count >= 1) && unexplained.length === 0,
      `${counts.filter((c) => c.count === 1).length}/${expected.length} once, ` +
        `${counts.filter((c) => c.count === 0).length} missing, ${twice.length} twice ` +
        `(${twice.length - unexplained.length} sent by the dead instance before it could record it); ` +
        `restarted pid ${restarted.process.pid}`,
    );
  },
};
