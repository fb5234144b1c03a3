import type { Metadata } from "next";
import { connection } from "next/server";
import { NotFoundMessage } from "@/components/not-found-message";
import { SiteShell } from "@/components/site-shell";
import { siteUrl } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: "Page not found · Heartwork",
  robots: { index: false },
};

// A URL that matches no route. Rendered per request: the proxy cannot know in
// advance that a path will 404, so it gave this response a nonce policy, and
// Next stamps the page's scripts with that nonce only when rendering per request.
export default async function GlobalNotFound() {
  await connection();
  return (
    <html lang="en">
      <SiteShell>
        <NotFoundMessage />
      </SiteShell>
    </html>
  );
}
