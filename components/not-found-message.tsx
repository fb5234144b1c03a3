import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-2xl font-bold">We could not find that page</h1>
      <p className="mt-4 text-neutral-700 dark:text-neutral-300">
        The link may be old or mistyped. Nothing you entered has been lost.
      </p>
      <p className="mt-6">
        <Link className="underline underline-offset-4" href="/">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
