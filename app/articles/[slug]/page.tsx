import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleJsonLd } from "@/components/article/article-json-ld";
import { TableOfContents } from "@/components/article/table-of-contents";
import { getArticle, listArticleSlugs } from "@/lib/articles";
import "@/components/article/article-prose.css";
import { SITE_NAME, siteUrl } from "@/lib/site";
import { mutedClass } from "@/components/ui/styles";

// Every article is prerendered at build time; an unknown slug is a 404 without
// rendering anything, and any request-time API used here fails the build.
export const dynamic = "error";
export const dynamicParams = false;

export function generateStaticParams() {
  return listArticleSlugs().map((slug) => ({ slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = getArticle((await params).slug);
  if (!article) return {};
  const url = `${siteUrl()}${article.path}`;
  return {
    title: article.title,
    description: article.description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      siteName: SITE_NAME,
      locale: "en_US",
      title: article.title,
      description: article.description,
      publishedTime: article.published,
      modifiedTime: article.updated,
    },
    twitter: {
      card: "summary_large_image",
      title: article.title,
      description: article.description,
    },
  };
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export default async function ArticlePage({ params }: Props) {
  const article = getArticle((await params).slug);
  if (!article) notFound();

  return (
    <article className="mx-auto max-w-5xl px-4 py-8 sm:py-12 lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-x-14">
      <header className="lg:col-start-1">
        <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl lg:text-5xl">
          {article.title}
        </h1>
        <p className={`mt-4 text-sm ${mutedClass}`}>
          <span>{article.readingMinutes} min read</span>
          <span aria-hidden="true"> · </span>
          <span>
            Updated{" "}
            <time dateTime={article.updated}>{dateFormat.format(new Date(article.updated))}</time>
          </span>
        </p>
      </header>
      <aside className="mt-8 rounded-lg border border-neutral-200 p-4 lg:sticky lg:top-24 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:mt-2 lg:self-start lg:border-0 lg:p-0 dark:border-neutral-800">
        <TableOfContents headings={article.headings} />
      </aside>
      <div className="article-prose mt-8 lg:col-start-1">
        <ArticleBody tree={article.tree} />
      </div>
      <ArticleJsonLd article={article} />
    </article>
  );
}
