import type { SessionState } from "@/lib/booking/rules";
import { mutedClass } from "@/components/ui/styles";

const STATE_WORDS: Record<SessionState, string> = {
  booked: "Booked",
  cancelled: "Cancelled",
  held: "Took place",
  missed: "Missed",
};

/** The session's state in words, the same on the person's and the team's pages. */
export function SessionStateLine({ state }: { state: SessionState }) {
  return <p className={`mt-1 ${mutedClass}`}>{STATE_WORDS[state]}</p>;
}
