import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { QUICK_EXIT_SCRIPT_HASH, contentSecurityPolicy } from "@/lib/security/headers";
import { inlineScriptHashes } from "@/lib/security/prerendered-script-hashes";
import { QUICK_EXIT_SCRIPT } from "@/lib/security/quick-exit-script";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe(inlineScriptHashes, () => {
  it("hashes each executable inline script once, and skips external scripts and data blocks", () => {
    const html = [
      "<script>a()</script>",
      '<script src="/_next/static/x.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"Article"}</script>',
      '<script id="_R_">b()</script>',
      "<script>a()</script>",
      '<script type="module">c()</script>',
      "<SCRIPT>d()</SCRIPT >",
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([sha("a()"), sha("b()"), sha("c()"), sha("d()")]);
  });

  it("hashes the exact bytes, multi-line and non-ASCII text included", () => {
    const body = '\n  self.__next_f.push([1,"Don’t"])\n';
    expect(inlineScriptHashes(`<script>${body}</script>`)).toEqual([sha(body)]);
  });
});

describe("the quick-exit script's place in the policy", () => {
  it("is allowed by its hash on pages rendered per request, beside the nonce", () => {
    expect(QUICK_EXIT_SCRIPT_HASH).toBe(sha(QUICK_EXIT_SCRIPT));
    const csp = contentSecurityPolicy({ nonce: "n0nce", dev: false });
    expect(csp).toContain(
      `script-src 'self' 'nonce-n0nce' 'strict-dynamic' ${QUICK_EXIT_SCRIPT_HASH};`,
    );
  });

  it("is allowed on prerendered pages, with exactly their own inline scripts and no 'unsafe-inline'", () => {
    const csp = contentSecurityPolicy({
      dev: false,
      inlineScriptHashes: [sha("a()"), QUICK_EXIT_SCRIPT_HASH],
    });
    expect(csp).toContain(`script-src 'self' ${QUICK_EXIT_SCRIPT_HASH} ${sha("a()")};`);
    expect(contentSecurityPolicy({ dev: false })).toContain(
      `script-src 'self' ${QUICK_EXIT_SCRIPT_HASH};`,
    );
    expect(contentSecurityPolicy({ dev: false })).not.toContain("unsafe-inline'; style");
  });
});
