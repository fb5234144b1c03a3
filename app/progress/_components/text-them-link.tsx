import Link from "next/link";
import { secondaryButtonClass } from "@/components/ui/styles";

/**
 * "I want to text them": one tap from Today to the pause
 * (app/progress/pause). For the dashboard, near today's check-in.
 */
export function TextThemLink({ className = "" }: { className?: string }) {
  return (
    <Link href="/progress/pause" className={`${secondaryButtonClass} ${className}`}>
      I want to text them
    </Link>
  );
}
