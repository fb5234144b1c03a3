import type { ArticleHeading } from "@/lib/articles/markdown";

type Entry = ArticleHeading & { children: ArticleHeading[] };

function nest(headings: ArticleHeading[]): Entry[] {
  const entries: Entry[] = [];
  for (const heading of headings) {
    const parent = entries.at(-1);
    if (heading.depth === 3 && parent) parent.children.push(heading);
    else entries.push({ ...heading, children: [] });
  }
  return entries;
}

const linkClass =
  "block rounded py-1 text-neutral-700 underline-offset-4 hover:text-brand-700 hover:underline dark:text-neutral-300 dark:hover:text-brand-100";

/** Plain in-page links: they work with or without JavaScript. */
export function TableOfContents({ headings }: { headings: ArticleHeading[] }) {
  return (
    <nav aria-labelledby="toc-title" className="text-sm print:hidden">
      <p id="toc-title" className="font-semibold text-neutral-900 dark:text-neutral-100">
        In this article
      </p>
      <ol className="mt-2 space-y-0.5">
        {nest(headings).map((entry) => (
          <li key={entry.id}>
            <a className={linkClass} href={`#${entry.id}`}>
              {entry.text}
            </a>
            {entry.children.length > 0 && (
              <ol className="ml-3 list-decimal space-y-0.5 border-l border-neutral-200 pl-6 marker:text-neutral-500 dark:border-neutral-800">
                {entry.children.map((child) => (
                  <li key={child.id}>
                    <a className={linkClass} href={`#${child.id}`}>
                      {child.text}
                    </a>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
