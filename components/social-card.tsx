// The 1200×630 picture shown when a page is shared (Open Graph and Twitter
// cards), drawn by next/og at build time. It uses next/og's bundled font only:
// nothing may be fetched from the network at build or run time, so the text
// goes through socialCardText (others would be looked up online).
import { socialCardText } from "@/lib/social-card-text";

export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 };

export function SocialCard({ title, detail }: { title: string; detail: string }) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "72px 80px",
        background: "#fdf4f3",
        borderLeft: "24px solid #963330",
        color: "#171717",
      }}
    >
      <div style={{ fontSize: 36, color: "#963330", letterSpacing: 1 }}>Heartwork</div>
      <div style={{ fontSize: 68, lineHeight: 1.15, maxWidth: 1000 }}>{socialCardText(title)}</div>
      <div style={{ fontSize: 30, color: "#404040" }}>{socialCardText(detail)}</div>
    </div>
  );
}
