import { randomUUID } from "node:crypto";
import { sendCounselingMessage } from "@/lib/actions/counseling-messages";
import { threadLabel } from "@/lib/counseling/team-labels";
import { readPeopleThreads } from "@/lib/data/counseling-messages";
import { MessageForm } from "@/components/counseling/message-form";
import { ThreadMessages } from "@/components/counseling/thread-messages";
import { sectionRuleClass, textClass } from "@/components/ui/styles";

/**
 * The person's (or the joined partner's) conversations with their counselor:
 * their private thread and, for a couple whose partner joined, the shared one.
 * Never the other partner's private thread (lib/counseling/team.ts
 * `threadsFor`). Renders nothing before the intake is sent.
 */
export async function ReferralMessages({
  userId,
  referralId,
  timeZone,
}: {
  userId: string;
  /** The referral joined as the partner; without it, the caller's own referral. */
  referralId?: string;
  timeZone: string;
}) {
  const conversations = await readPeopleThreads({ userId, referralId });
  if (!conversations) return null;
  const { side, closed, threads } = conversations;
  return (
    <section aria-labelledby="messages-heading" className={sectionRuleClass}>
      <h2 id="messages-heading" className="text-xl font-semibold">
        Messages
      </h2>
      <p className={textClass}>
        {closed
          ? "Your request is closed, so these conversations are read-only."
          : "Your counselor writes to you here. We email you a short notice, never the message itself."}
      </p>
      {threads.map((thread) => {
        const label = threadLabel(thread.name, side);
        const headingId = `thread-${thread.name.toLowerCase()}`;
        return (
          <section key={thread.name} aria-labelledby={headingId} className="mt-6">
            <h3 id={headingId} className="font-semibold">
              {label}
            </h3>
            <ThreadMessages
              messages={thread.messages}
              side={side}
              timeZone={timeZone}
              label={label}
            />
            {closed ? null : (
              <MessageForm
                action={sendCounselingMessage}
                referralId={conversations.referralId}
                thread={thread.name}
                requestKey={randomUUID()}
                label={thread.name === "SHARED" ? "Write to both" : "Write to your counselor"}
                hint={
                  thread.name === "SHARED"
                    ? "Your partner and your counselor read this conversation."
                    : "Only you and your counselor read this conversation."
                }
              />
            )}
          </section>
        );
      })}
    </section>
  );
}
