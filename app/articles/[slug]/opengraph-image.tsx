import { ImageResponse } from "next/og";
import { SOCIAL_CARD_SIZE, SocialCard } from "@/components/social-card";
import { getArticle, listArticleSlugs } from "@/lib/articles";

export const alt = "The article's title on a Heartwork card";
export const size = SOCIAL_CARD_SIZE;
export const contentType = "image/png";
export const dynamicParams = false;

export function generateStaticParams() {
  return listArticleSlugs().map((slug) => ({ slug }));
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const article = getArticle((await params).slug);
  if (!article) return new Response("Not found", { status: 404 });
  return new ImageResponse(
    <SocialCard
      title={article.title}
      detail={`An article on Heartwork, ${article.readingMinutes} minutes to read`}
    />,
    size,
  );
}
