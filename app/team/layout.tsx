import type { Metadata } from "next";
import type { ReactNode } from "react";

// Every /team page is private to the counseling team: never indexed (the proxy
// also sends `X-Robots-Tag: noindex` and `Cache-Control: no-store` for /team).
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function TeamLayout({ children }: { children: ReactNode }) {
  return children;
}
