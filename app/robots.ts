import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site";

export default function robots(): MetadataRoute.Robots {
  return {
    // Private and API paths have nothing for a search engine; they also say noindex.
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/progress", "/team"] },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
