import { parse } from "yaml";
import { z } from "zod";
import {
  articleFrontMatterSchema,
  type ArticleFrontMatter,
} from "@/lib/validations/article-front-matter";

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Splits a Markdown file into its YAML front matter and its body. A missing or
 * invalid block throws with the file name: a broken article must fail the
 * build, never publish half a page.
 */
export function parseFrontMatter(
  source: string,
  fileName: string,
): { frontMatter: ArticleFrontMatter; body: string } {
  const match = FENCE.exec(source);
  if (!match) throw new Error(`${fileName}: the file must start with a --- front matter block`);
  // YAML 1.2's core schema keeps 2026-11-26 a string, which the schema checks.
  const parsed = articleFrontMatterSchema.safeParse(parse(match[1] ?? ""));
  if (!parsed.success) {
    throw new Error(`${fileName}: invalid front matter: ${z.prettifyError(parsed.error)}`);
  }
  return { frontMatter: parsed.data, body: source.slice(match[0].length) };
}
