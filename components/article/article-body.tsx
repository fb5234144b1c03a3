import type { Root } from "hast";
import { toJsxRuntime, type Components } from "hast-util-to-jsx-runtime";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { ArticleCta } from "@/components/article/article-cta";
import { HotlineCallout } from "@/components/article/hotline-callout";
import { ARTICLE_BLOCK_ELEMENTS, type ArticleCtaTarget } from "@/lib/articles/markdown";

// The article's own elements are not HTML tags; hast-util-to-jsx-runtime looks
// them up by name like any other element.
const components = {
  [ARTICLE_BLOCK_ELEMENTS.hotline]: HotlineCallout,
  [ARTICLE_BLOCK_ELEMENTS.cta]: ({ to }: { to: ArticleCtaTarget }) => <ArticleCta to={to} />,
} as unknown as Partial<Components>;

/** Renders an article's Markdown tree as server-rendered HTML: no client code. */
export function ArticleBody({ tree }: { tree: Root }) {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components });
}
