"use client";
import { softClass } from "@/components/ui/styles";

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16" role="alert">
      <h1 className="text-2xl font-bold">Something went wrong on our side</h1>
      <p className={`mt-4 ${softClass}`}>
        We could not finish this, perhaps because our database cannot be reached for a moment.
        Nothing was saved by the action that failed. Please try again in a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        Try again
      </button>
    </div>
  );
}
