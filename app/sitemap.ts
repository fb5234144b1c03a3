import type { MetadataRoute } from "next";
import { listArticles } from "@/lib/articles";
import { siteUrl } from "@/lib/site";

// Public, indexable pages only. Built at build time from the configured APP_URL.
export default function sitemap(): MetadataRoute.Sitemap {
  const articles = listArticles();
  const newest = articles
    .map((article) => article.updated)
    .sort()
    .at(-1);
  return [
    { url: `${siteUrl()}/`, lastModified: newest, changeFrequency: "monthly", priority: 1 },
    ...articles.map((article) => ({
      url: `${siteUrl()}${article.path}`,
      lastModified: article.updated,
      changeFrequency: "yearly" as const,
      priority: 0.8,
    })),
  ];
}
