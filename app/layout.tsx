import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteShell } from "@/components/site-shell";
import { siteUrl } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: "Heartwork", template: "%s · Heartwork" },
  description:
    "Heartwork helps you through a broken heart: a calm article, a private healing tracker, and couples counseling you can start alone and invite your partner to later.",
  // No third-party anything: no analytics, no pixels, no embedded fonts.
  referrer: "same-origin",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0a0a0a" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <SiteShell>{children}</SiteShell>
    </html>
  );
}
