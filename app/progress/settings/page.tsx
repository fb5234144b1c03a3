import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { selectableTimeZones } from "@/lib/tracker/time-zones";
import { SettingsForm } from "@/app/progress/_components/settings-form";

export const metadata: Metadata = { title: "Tracker settings", robots: { index: false } };

export default async function SettingsPage() {
  const user = await requireUser();
  const settings = await getTrackerSettings({ userId: user.id });
  return (
    <div>
      <h1 className="text-3xl font-bold">Tracker settings</h1>
      <SettingsForm
        timeZone={settings.timeZone}
        configured={settings.configured}
        breakupDate={settings.breakupDate}
        timeZones={selectableTimeZones(settings.timeZone)}
      />
    </div>
  );
}
