import { HOTLINE } from "@/lib/safety";

/** The hotline number as a tap-to-call link that never breaks inside a number. */
export function HotlineLink({ className }: { className?: string }) {
  return (
    <a className={className} href={HOTLINE.tel}>
      <span className="whitespace-nowrap">{HOTLINE.letters}</span>{" "}
      <span className="whitespace-nowrap">({HOTLINE.digits})</span>
    </a>
  );
}
