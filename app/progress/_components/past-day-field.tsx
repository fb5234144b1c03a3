import { TextField } from "@/components/forms/text-field";
import { EARLIEST_DAY } from "@/lib/tracker/calendar-day";

/** "When": a day from the tracker's earliest up to today; a new entry starts at today. */
export function PastDayField({ today, day = today }: { today: string; day?: string }) {
  return (
    <TextField
      label="When"
      name="day"
      type="date"
      min={EARLIEST_DAY}
      max={today}
      defaultValue={day}
    />
  );
}
