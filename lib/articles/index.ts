import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parseFrontMatter } from "@/lib/articles/front-matter";
import { parseArticleMarkdown, type ArticleDocument } from "@/lib/articles/markdown";
import { readingMinutes } from "@/lib/articles/reading-time";
import type { ArticleFrontMatter } from "@/lib/validations/article-front-matter";

// Articles are Markdown files in content/articles, one per slug. They are read
// while `next build` prerenders the pages; nothing here runs per request.
const CONTENT_DIR = path.join(process.cwd(), "content", "articles");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Article = ArticleFrontMatter &
  ArticleDocument & { slug: string; path: string; readingMinutes: number };

const cache = new Map<string, Article>();

export function listArticleSlugs(): string[] {
  return fs
    .readdirSync(CONTENT_DIR)
    .filter((file) => file.endsWith(".md"))
    .map((file) => file.slice(0, -".md".length))
    .filter((slug) => SLUG.test(slug))
    .sort();
}

/** The article for a slug, or undefined; the slug never reaches the file system unchecked. */
export function getArticle(slug: string): Article | undefined {
  if (!SLUG.test(slug) || !listArticleSlugs().includes(slug)) return undefined;
  const cached = cache.get(slug);
  if (cached) return cached;

  const fileName = `content/articles/${slug}.md`;
  const source = fs.readFileSync(path.join(CONTENT_DIR, `${slug}.md`), "utf8");
  const { frontMatter, body } = parseFrontMatter(source, fileName);
  const lineOffset = source.slice(0, source.length - body.length).split("\n").length - 1;
  const document = parseArticleMarkdown(body, { fileName, lineOffset });
  const article: Article = {
    ...frontMatter,
    ...document,
    slug,
    path: `/articles/${slug}`,
    readingMinutes: readingMinutes(document.words),
  };
  cache.set(slug, article);
  return article;
}

export function listArticles(): Article[] {
  return listArticleSlugs().map((slug) => getArticle(slug)!);
}
