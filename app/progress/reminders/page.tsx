import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getReminderSettings } from "@/lib/data/reminders";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { formatLocalTime } from "@/lib/validations/reminders";
import { ReminderPauseForm } from "@/app/progress/_components/reminder-pause-form";
import { ReminderSettingsForm } from "@/app/progress/_components/reminder-settings-form";
import { Section } from "@/app/progress/_components/section";
import { cardClass, mutedClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Reminders", robots: { index: false } };

export default async function RemindersPage() {
  const user = await requireUser();
  const [settings, { timeZone }] = await Promise.all([
    getReminderSettings({ userId: user.id }),
    getTrackerSettings({ userId: user.id }),
  ]);
  const now = new Date();
  const paused = settings.pausedUntil !== null && settings.pausedUntil > now;
  const anyOn = settings.dailyEnabled || settings.hardDatesEnabled;

  return (
    <div>
      <h1 className="text-3xl font-bold">Reminders</h1>
      <p className="mt-2">
        A gentle nudge by email, only if you want one. They are off until you turn them on. The
        email only says &ldquo;Your Heartwork reminder&rdquo;: nothing about who or why, and every
        one has a link to stop them at once, without signing in.
      </p>
      <p className="mt-2">
        Appointment reminders are the exception: once you book a time with a counselor, an email
        &ldquo;Reminder: your Heartwork appointment&rdquo; comes a day and an hour before, unless
        you untick that box below. Pausing does not stop them.
      </p>
      <p className={`mt-2 ${mutedClass}`}>No streaks, and nothing to keep up. Skip any day.</p>

      <ReminderSettingsForm
        dailyEnabled={settings.dailyEnabled}
        dailyTime={formatLocalTime(settings.dailyMinute)}
        hardDatesEnabled={settings.hardDatesEnabled}
        hardDateDaysBefore={settings.hardDateDaysBefore}
        sessionRemindersEnabled={settings.sessionRemindersEnabled}
        timeZone={timeZone}
      />

      {anyOn && (
        <Section id="pause" title="Need a break?">
          {paused && settings.pausedUntil ? (
            <p className={cardClass}>
              Paused until {formatDateTimeIn(settings.pausedUntil, timeZone)}.
            </p>
          ) : (
            <p className="mt-2">
              Pause every reminder for seven days; they come back on their own.
            </p>
          )}
          {/* Remounted when the pause starts or ends: the button then calls the other action. */}
          <ReminderPauseForm key={String(paused)} paused={paused} />
        </Section>
      )}
    </div>
  );
}
