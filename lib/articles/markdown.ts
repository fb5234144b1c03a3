import GithubSlugger from "github-slugger";
import type { Root as HastRoot } from "hast";
import type { Heading, Root, RootContent, Text } from "mdast";
import type {} from "mdast-util-directive";
import { toString } from "mdast-util-to-string";
import remarkDirective from "remark-directive";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { countWords } from "@/lib/articles/reading-time";

export type ArticleHeading = { id: string; text: string; depth: 2 | 3 };

export type ArticleDocument = {
  /** The rendered tree; components/article/article-body.tsx turns it into React. */
  tree: HastRoot;
  /** Level 2 and 3 headings in document order, for the table of contents. */
  headings: ArticleHeading[];
  words: number;
};

/** The calls to action an article may place, and where each one leads. */
export const ARTICLE_CTA_TARGETS = ["counseling", "progress"] as const;
export type ArticleCtaTarget = (typeof ARTICLE_CTA_TARGETS)[number];

/** Elements the article body renders with our own components. */
export const ARTICLE_BLOCK_ELEMENTS = { hotline: "hw-hotline", cta: "hw-cta" } as const;

const PINNED_ANCHOR = /\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;
const HTML_COMMENT = /^<!--[\s\S]*?-->\s*$/;

class ArticleSyntaxError extends Error {
  override name = "ArticleSyntaxError";
}

/**
 * Turns an article's Markdown body into a renderable tree plus its headings
 * and word count. Runs at build time (the article pages are prerendered), so
 * every rule here fails the build with the file and line rather than
 * publishing a page that silently lost something:
 * - raw HTML is refused (only comments are allowed, and dropped);
 * - `::hotline` and `::cta{to="counseling"|"progress"}` are the only blocks;
 * - headings start at level 2 (the title comes from the front matter), and a
 *   heading may pin its anchor with a trailing `{#anchor}`; anchors are unique.
 */
export function parseArticleMarkdown(
  markdown: string,
  { fileName, lineOffset = 0 }: { fileName: string; lineOffset?: number },
): ArticleDocument {
  const fail = (node: { position?: { start: { line: number } } }, message: string): never => {
    const line = (node.position?.start.line ?? 0) + lineOffset;
    throw new ArticleSyntaxError(`${fileName}:${line}: ${message}`);
  };

  const processor = unified().use(remarkParse).use(remarkDirective).use(remarkRehype);
  const mdast = processor.parse(markdown);
  const headings: ArticleHeading[] = [];

  visit(mdast, (node, index, parent) => {
    if (node.type === "html") {
      if (!HTML_COMMENT.test(node.value.trim())) {
        fail(node, "raw HTML is not published; write Markdown (comments are fine)");
      }
      parent?.children.splice(index ?? 0, 1);
      return [SKIP, index];
    }
    if (node.type === "textDirective") {
      // `word:word` in prose parses as a text directive; it is never meant as one.
      const text: Text = { type: "text", value: `:${node.name}${toString(node)}` };
      (parent?.children as RootContent[] | undefined)?.splice(index ?? 0, 1, text);
      return SKIP;
    }
    if (node.type === "containerDirective") fail(node, `unknown block ":::${node.name}"`);
    if (node.type === "leafDirective") {
      const attributes = node.attributes ?? {};
      if (node.name === "hotline") {
        if (Object.keys(attributes).length > 0) fail(node, "::hotline takes no attributes");
        node.data = { hName: ARTICLE_BLOCK_ELEMENTS.hotline };
      } else if (node.name === "cta") {
        const to = attributes.to;
        if (
          !ARTICLE_CTA_TARGETS.includes(to as ArticleCtaTarget) ||
          Object.keys(attributes).length !== 1
        ) {
          fail(node, `::cta needs to="${ARTICLE_CTA_TARGETS.join('" or to="')}" and nothing else`);
        }
        node.data = {
          hName: ARTICLE_BLOCK_ELEMENTS.cta,
          hProperties: { to: to as ArticleCtaTarget },
        };
      } else {
        fail(node, `unknown block "::${node.name}"`);
      }
      node.children = [];
      return SKIP;
    }
    return undefined;
  });

  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  visit(mdast, "heading", (heading: Heading) => {
    if (heading.depth === 1)
      fail(heading, "use ## for sections: the title comes from the front matter");
    const id = pinAnchor(heading) ?? slugger.slug(toString(heading));
    if (ids.has(id)) fail(heading, `the anchor "#${id}" is used twice`);
    ids.add(id);
    heading.data = { ...heading.data, hProperties: { id } };
    if (heading.depth === 2 || heading.depth === 3) {
      headings.push({ id, text: toString(heading), depth: heading.depth });
    }
  });

  // Word count from the text nodes, joined with spaces: mdast's toString runs
  // the last word of one paragraph into the first of the next.
  const texts: string[] = [];
  visit(mdast, "text", (text: Text) => void texts.push(text.value));
  const tree = processor.runSync(mdast as Root);
  return { tree, headings, words: countWords(texts.join(" ")) };
}

/** Removes a trailing `{#anchor}` from the heading's text and returns the anchor. */
function pinAnchor(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  if (last?.type !== "text") return undefined;
  const match = PINNED_ANCHOR.exec(last.value);
  if (!match) return undefined;
  last.value = last.value.slice(0, match.index);
  return match[1];
}
