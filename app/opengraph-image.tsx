import { ImageResponse } from "next/og";
import { SOCIAL_CARD_SIZE, SocialCard } from "@/components/social-card";

export const alt = "Heartwork: a calm place for a broken heart";
export const size = SOCIAL_CARD_SIZE;
export const contentType = "image/png";

export default function Image() {
  return new ImageResponse(
    <SocialCard
      title="A calm place for a broken heart"
      detail="Read, track your healing, start couples counseling"
    />,
    size,
  );
}
