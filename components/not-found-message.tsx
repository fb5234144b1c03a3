import { softClass } from "@/components/ui/styles";

// Rendered by app/not-found.tsx, which Next sends with every page: a plain link
// keeps next/link's client code off pages that do not otherwise need it.
export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-2xl font-bold">We could not find that page</h1>
      <p className={`mt-4 ${softClass}`}>
        The link may be old or mistyped. Nothing you entered has been lost.
      </p>
      <p className="mt-6">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
        <a className="underline underline-offset-4" href="/">
          Go to the home page
        </a>
      </p>
    </div>
  );
}
