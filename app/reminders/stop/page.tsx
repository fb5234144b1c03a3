import type { Metadata } from "next";
import { connection } from "next/server";
import { isWellFormedStopToken, STOP_POST_PATH } from "@/lib/reminders/stop-token";
import { buttonClass, headingClass, pageClass, textClass } from "@/components/ui/styles";
import type { QueryPageProps } from "@/lib/http/page-query";

export const metadata: Metadata = { title: "Stop reminders", robots: { index: false } };

// The page a reminder's "Stop these reminders" link opens. Opening it (what
// mail scanners do) changes nothing; the button POSTs the one-click stop.
// No sign-in needed: the token in the link is enough.
export default async function StopRemindersPage({ searchParams }: QueryPageProps) {
  await connection();
  const { t } = await searchParams;
  const token = isWellFormedStopToken(t) ? t : null;
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Stop your Heartwork reminders?</h1>
      {token ? (
        <>
          <p className={textClass}>
            This turns off every reminder email. You can turn them on again any time from your
            tracker.
          </p>
          <form method="post" action={`${STOP_POST_PATH}?t=${token}`} className="mt-8">
            <button type="submit" className={buttonClass}>
              Stop reminders
            </button>
          </form>
        </>
      ) : (
        <p className={textClass}>
          Part of the link seems to be missing. Copy the whole link from the email, or turn
          reminders off in your tracker under Reminders.
        </p>
      )}
    </div>
  );
}
