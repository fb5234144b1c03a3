import type { ReferralSide } from "@/lib/counseling/team";
import type { ThreadMessage } from "@/lib/data/counseling-messages";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { mutedClass, ownTextClass } from "@/components/ui/styles";

/** Who wrote a message, as the reader on `side` calls them. */
function authorName(message: ThreadMessage, side: ReferralSide): string {
  if (message.mine) return "You";
  if (message.author === "TEAM") return "Counselor";
  if (side === "team") return message.author === "PERSON" ? "The person" : "The partner";
  return "Your partner";
}

/** One thread's messages, oldest first, as a list a screen reader can walk. */
export function ThreadMessages({
  messages,
  side,
  timeZone,
  label,
}: {
  messages: ThreadMessage[];
  side: ReferralSide;
  timeZone: string;
  /** The thread's name, for the list's accessible name. */
  label: string;
}) {
  if (messages.length === 0) {
    return <p className={`mt-3 ${mutedClass}`}>No messages yet.</p>;
  }
  return (
    <ol aria-label={label} className="mt-3 space-y-3">
      {messages.map((message) => (
        <li
          key={message.id}
          className={`rounded-lg border p-3 border-neutral-200 dark:border-neutral-800 ${
            message.mine ? "bg-neutral-50 dark:bg-neutral-900" : ""
          }`}
        >
          <p className="text-sm">
            <span className="font-semibold">{authorName(message, side)}</span>{" "}
            <span className={mutedClass}>{formatDateTimeIn(message.createdAt, timeZone)}</span>
          </p>
          <p className={`mt-1 ${ownTextClass}`}>
            {message.text ?? <em className={mutedClass}>Erased after the retention period.</em>}
          </p>
        </li>
      ))}
    </ol>
  );
}
