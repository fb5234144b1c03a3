import "./breathing-guide.css";
import { mutedClass } from "@/components/ui/styles";

/**
 * A minute of slow breathing. The circle grows as you breathe in and shrinks
 * as you breathe out; the bar fills over the minute. Decorative to assistive
 * technology: the words say the same thing.
 */
export function BreathingGuide() {
  return (
    <div className="mt-4 flex flex-col items-center gap-4 text-center">
      <div
        aria-hidden="true"
        className="breathing-circle size-40 rounded-full bg-brand-100 ring-8 ring-brand-50 dark:bg-brand-800 dark:ring-brand-700"
      />
      <p className="text-lg">
        Breathe in slowly for four counts, and out for six. Six breaths make a minute.
      </p>
      <div
        aria-hidden="true"
        className="h-2 w-full max-w-xs overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
      >
        <div className="breathing-minute h-full bg-brand-700 dark:bg-brand-600" />
      </div>
      <p className={`text-sm ${mutedClass}`}>
        The wish to text them usually fades within minutes. You do not have to act on it.
      </p>
    </div>
  );
}
