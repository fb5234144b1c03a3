import Link from "next/link";
import { CONTACT_LABELS, missingWord, moodWord, type ContactKind } from "@/lib/tracker/scales";
import { borderClass, boxClass, mutedClass, ownTextClass } from "@/components/ui/styles";

export function CheckInSummary({
  checkIn,
  editHref,
}: {
  checkIn: { mood: number; missing: number; contact: ContactKind; note: string | null };
  editHref: string;
}) {
  return (
    <div className={`mt-4 ${boxClass}`}>
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <div>
          <dt className={`text-sm ${mutedClass}`}>Mood</dt>
          <dd className="font-medium">
            {moodWord(checkIn.mood)} ({checkIn.mood} of 5)
          </dd>
        </div>
        <div>
          <dt className={`text-sm ${mutedClass}`}>Missing them</dt>
          <dd className="font-medium">
            {missingWord(checkIn.missing)} ({checkIn.missing} of 10)
          </dd>
        </div>
        <div>
          <dt className={`text-sm ${mutedClass}`}>Contact</dt>
          <dd className="font-medium">{CONTACT_LABELS[checkIn.contact]}</dd>
        </div>
      </dl>
      {checkIn.note && (
        <p className={`mt-3 border-t pt-3 ${borderClass} ${ownTextClass}`}>{checkIn.note}</p>
      )}
      <p className="mt-3">
        <Link href={editHref} className="font-medium underline underline-offset-4">
          Change today&apos;s check-in
        </Link>
      </p>
    </div>
  );
}
