import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "@/lib/articles/front-matter";
import { parseArticleMarkdown } from "@/lib/articles/markdown";
import { countWords, readingMinutes } from "@/lib/articles/reading-time";

const file = { fileName: "test.md" };

function elements(markdown: string) {
  return parseArticleMarkdown(markdown, file).tree.children.flatMap((node) =>
    node.type === "element" ? [{ tag: node.tagName, properties: node.properties }] : [],
  );
}

describe(parseArticleMarkdown, () => {
  it("gives every heading a slug anchor, or the {#anchor} it pins, and lists levels 2 and 3", () => {
    const { headings, tree } = parseArticleMarkdown(
      "## What Does It Mean?\n\n### Step one. {#step-1}\n\n#### Too deep for the contents\n",
      file,
    );
    expect(headings).toEqual([
      { id: "what-does-it-mean", text: "What Does It Mean?", depth: 2 },
      { id: "step-1", text: "Step one.", depth: 3 },
    ]);
    const ids = tree.children.flatMap((node) =>
      node.type === "element" ? [node.properties.id] : [],
    );
    expect(ids).toEqual(["what-does-it-mean", "step-1", "too-deep-for-the-contents"]);
  });

  it("refuses a level-1 heading, a repeated anchor, raw HTML and unknown blocks, naming the line", () => {
    expect(() => parseArticleMarkdown("text\n\n# Title\n", file)).toThrow(/test\.md:3: use ##/);
    expect(() => parseArticleMarkdown("## A {#x}\n\n## B {#x}\n", file)).toThrow(
      /"#x" is used twice/,
    );
    expect(() => parseArticleMarkdown("<script>alert(1)</script>\n", file)).toThrow(/raw HTML/);
    expect(() => parseArticleMarkdown("Hi <b>there</b>\n", file)).toThrow(/raw HTML/);
    expect(() => parseArticleMarkdown("::video{src=x}\n", file)).toThrow(/unknown block "::video"/);
    expect(() => parseArticleMarkdown(":::note\nx\n:::\n", file)).toThrow(
      /unknown block ":::note"/,
    );
    expect(() =>
      parseArticleMarkdown('\n\n::cta{to="https://regain.us"}\n', {
        fileName: "a.md",
        lineOffset: 5,
      }),
    ).toThrow(/a\.md:8: ::cta needs to="counseling" or to="progress"/);
  });

  it("drops comments and renders the hotline and call-to-action blocks as our elements", () => {
    expect(
      elements('<!-- a note for editors -->\n\nText.\n\n::hotline\n\n::cta{to="counseling"}\n'),
    ).toEqual([
      { tag: "p", properties: {} },
      { tag: "hw-hotline", properties: {} },
      { tag: "hw-cta", properties: { to: "counseling" } },
    ]);
  });

  it("keeps prose that happens to look like a text directive", () => {
    const { tree } = parseArticleMarkdown("Note:this stays text.\n", file);
    expect(JSON.stringify(tree)).toContain("Note");
    expect(JSON.stringify(tree)).toContain(":this");
  });

  it("counts the words readers read, not comments or markup", () => {
    const { words } = parseArticleMarkdown(
      "<!-- not counted at all -->\n\n## Two words\n\n**Three more** words – here.\n",
      file,
    );
    expect(words).toBe(6);
  });
});

describe(parseFrontMatter, () => {
  it("reads the front matter and returns the body after it", () => {
    const source =
      '---\ntitle: "T"\ndescription: "A description that is long enough to pass the schema check."\npublished: 2026-01-02\nupdated: 2026-01-03\n---\n\nBody\n';
    expect(parseFrontMatter(source, "x.md")).toEqual({
      frontMatter: {
        title: "T",
        description: "A description that is long enough to pass the schema check.",
        published: "2026-01-02",
        updated: "2026-01-03",
      },
      body: "\nBody\n",
    });
  });

  it("fails with the file name when the block is missing, incomplete or has unknown keys", () => {
    expect(() => parseFrontMatter("# No front matter\n", "x.md")).toThrow(
      /x\.md: the file must start/,
    );
    expect(() => parseFrontMatter('---\ntitle: "T"\n---\n', "x.md")).toThrow(
      /x\.md: invalid front matter/,
    );
    expect(() =>
      parseFrontMatter(
        '---\ntitle: "T"\ndescription: "A description that is long enough to pass the schema check."\npublished: 2026-01-02\nupdated: 2026-01-03\nauthor: someone\n---\n',
        "x.md",
      ),
    ).toThrow(/author/);
  });
});

describe(readingMinutes, () => {
  it("rounds to whole minutes and never says zero", () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(238)).toBe(1);
    expect(readingMinutes(1813)).toBe(8);
  });

  it("counts words, not dashes or punctuation", () => {
    expect(countWords("It’s okay – really, it is. 2010 too")).toBe(7);
  });
});

describe("the published article", () => {
  const source = fs.readFileSync("content/articles/why-do-i-miss-him.md", "utf8");
  const { frontMatter, body } = parseFrontMatter(source, "why-do-i-miss-him.md");
  const article = parseArticleMarkdown(body, file);
  const text = JSON.stringify(article.tree);

  it("parses, with its five sections and five steps", () => {
    expect(frontMatter.title).toBe("Why Do I Miss Him So Much? How To Manage A Broken Heart");
    expect(article.headings.filter((h) => h.depth === 2)).toHaveLength(5);
    expect(article.headings.filter((h) => h.depth === 3).map((h) => h.id)).toEqual([
      "step-1",
      "step-2",
      "step-3",
      "step-4",
      "step-5",
    ]);
  });

  it("names no third-party counseling site and links only to our own pages", () => {
    expect(text).not.toMatch(/regain/i);
    const hrefs = [...text.matchAll(/"href":"([^"]+)"/g)].map((match) => match[1]);
    // "Online counseling" is for the reader themself; "couples counseling" for the two of them.
    expect(new Set(hrefs)).toEqual(
      new Set(["/counseling?for=me", "/counseling?for=us", "tel:+18007997233"]),
    );
  });
});
