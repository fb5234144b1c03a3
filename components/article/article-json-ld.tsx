import type { Article } from "@/lib/articles";
import { SITE_NAME, siteUrl } from "@/lib/site";

/**
 * schema.org Article data for search engines. A `type="application/ld+json"`
 * script is data the browser never executes, so the CSP does not apply to it;
 * `<` is escaped so no text can close the element early.
 */
export function ArticleJsonLd({ article }: { article: Article }) {
  const url = `${siteUrl()}${article.path}`;
  const organization = { "@type": "Organization", name: SITE_NAME, url: siteUrl() };
  const data = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: article.title,
    description: article.description,
    url,
    mainEntityOfPage: url,
    image: `${url}/opengraph-image`,
    datePublished: article.published,
    dateModified: article.updated,
    wordCount: article.words,
    inLanguage: "en",
    author: organization,
    publisher: organization,
  };
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }}
    />
  );
}
