import { db } from "@/lib/db";
import { uniqueAddress } from "@/tests/support/counseling";
import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import {
  describe,
  invitationConfirmed,
  invitationsOf,
  invitePartner,
  outcomeOf,
  PORTS,
  requestSignIn,
  revokeInvitation,
  signedInInviters,
  signInConfirmed,
  startApp,
} from "./app";
import { poll, seconds, sleep, type Drill } from "./harness";

// b. The SMTP server refuses connections for a while (nothing listens on its
// port), then comes back: sign-in mails and invitations wait in the outbox,
// each is delivered exactly once afterwards, and an invitation revoked in the
// meantime is never sent.

export const smtpOutage: Drill = {
  name: "b. SMTP refuses connections for a while",
  boundMs: { short: 90_000, full: 180_000 },
  async run(context) {
    const { report, short } = context;
    const smtpPort = PORTS.smtp(1);
    const app = await startApp(context, PORTS.instance(1), {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, // nothing listens there yet
    });
    const signInAddresses = Array.from({ length: short ? 4 : 12 }, () => uniqueAddress("signin"));
    const inviters = await signedInInviters(short ? 3 : 8);
    const outageStarted = Date.now();
    const partners = new Map(inviters.map((i) => [i.id, uniqueAddress("partner")]));

    report.note(`instance started; ${inviters.length} inviters signed in`);
    const signIns = await Promise.all(signInAddresses.map((a) => requestSignIn(app.url, a)));
    const invites = await Promise.all(
      inviters.map((i) => invitePartner(app.url, i, partners.get(i.id)!)),
    );
    report.note(`requests answered ${seconds(Date.now() - outageStarted)} into the outage`);
    const notQueued = [
      ...signIns.filter((r) => outcomeOf(r, signInConfirmed) !== "confirmed"),
      ...invites.filter((r) => outcomeOf(r, invitationConfirmed) !== "confirmed"),
    ];
    report.check(
      "sign-in requests and invitations were accepted while mail could not go out",
      notQueued.length === 0,
      `${signIns.length} sign-in mails and ${invites.length} invitations queued` +
        (notQueued.length ? `; refused: ${describe(notQueued[0]!)}` : ""),
    );

    // Revoke one invitation while its email still waits.
    const revokedInviter = inviters[0]!;
    const [revokedInvitation] = await invitationsOf([revokedInviter.id]);
    const revoke = revokedInvitation
      ? await revokeInvitation(app.url, revokedInviter, revokedInvitation.id)
      : undefined;
    report.check(
      "an invitation was revoked while its email was still waiting",
      !!revoke && (revoke.location ?? "").includes("invitation=revoked"),
      revoke ? describe(revoke) : "no invitation to revoke",
    );

    const mailIds = (
      await db.outboxMessage.findMany({
        where: { to: { in: [...signInAddresses, ...partners.values()] } },
        select: { id: true },
      })
    ).map((m) => m.id);
    const tried = await poll(
      async () => {
        const rows = await db.outboxMessage.findMany({
          where: { id: { in: mailIds }, attempts: { gte: 1 } },
          select: { id: true },
        });
        return rows.length === mailIds.length ? rows.length : null;
      },
      { timeoutMs: 15_000 },
    );
    await sleep(Math.max(0, (short ? 3_000 : 10_000) - (Date.now() - outageStarted)));
    const duringOutage = await db.outboxMessage.findMany({
      where: { id: { in: mailIds } },
      select: { status: true, attempts: true, lastError: true },
    });
    const refusedAttempts = duringOutage.reduce((sum, m) => sum + m.attempts, 0);
    report.check(
      "the worker tried, was refused, and kept every message queued (none failed or sent)",
      tried !== null &&
        duringOutage.every(
          (m) => m.status === "pending" || m.status === "sending" || m.status === "skipped",
        ),
      `${mailIds.length} messages, ${refusedAttempts} refused attempts in ${seconds(Date.now() - outageStarted)}, ` +
        `e.g. "${duringOutage.find((m) => m.lastError)?.lastError?.slice(0, 60) ?? "no error recorded"}"`,
    );

    const smtp = await startSmtpCatcher({ port: smtpPort });
    context.defer(() => smtp.close());
    const backAt = Date.now();
    const expected = [...signInAddresses, ...inviters.slice(1).map((i) => partners.get(i.id)!)];
    const allIn = await poll(() => expected.every((to) => smtp.messages.some((m) => m.to === to)), {
      timeoutMs: short ? 30_000 : 60_000,
      intervalMs: 100,
    });
    const deliveredIn = Date.now() - backAt;
    await sleep(2_000); // a duplicate or a late revoked invitation would arrive by now
    const counts = expected.map((to) => smtp.messages.filter((m) => m.to === to).length);
    report.check(
      "once SMTP accepted again, every queued mail was delivered exactly once",
      allIn !== null && counts.every((c) => c === 1),
      `${counts.filter((c) => c === 1).length}/${expected.length} delivered once ` +
        `(${counts.filter((c) => c > 1).length} twice or more, ${counts.filter((c) => c === 0).length} missing), ` +
        `all within ${seconds(deliveredIn)} of SMTP returning; ${smtp.messages.length} messages received`,
    );
    const revokedTo = partners.get(revokedInviter.id)!;
    const revokedRow = await db.outboxMessage.findFirst({
      where: { dedupeKey: `partner-invitation:${revokedInvitation?.id}:0` },
      select: { status: true },
    });
    report.check(
      "the invitation revoked meanwhile was never sent",
      !smtp.messages.some((m) => m.to === revokedTo) &&
        (revokedRow === null || revokedRow.status === "skipped"),
      `${smtp.messages.filter((m) => m.to === revokedTo).length} messages to its address; ` +
        `its queued email was ${revokedRow ? `marked "${revokedRow.status}"` : "deleted with the revocation"}`,
    );
    report.check(
      "the instance stayed up and ready",
      app.process.exitCode === null,
      `pid ${app.process.pid}`,
    );
  },
};
