import type { ReactNode } from "react";
import { QuickExitScript } from "@/components/quick-exit";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

/**
 * The <body> of every page: app/layout.tsx and app/global-not-found.tsx (which
 * renders outside the root layout) both use it, so the quick exit, the skip
 * link and the hotline are on every page, the 404 included.
 */
export function SiteShell({ children }: { children: ReactNode }) {
  return (
    <body className="flex min-h-dvh flex-col bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100 print:bg-white print:text-black">
      {/* First in the body: quick exit works while the rest of the page still loads. */}
      <QuickExitScript />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-neutral-900"
      >
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </body>
  );
}
