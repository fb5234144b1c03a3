import { env } from "@/lib/env";

export const SITE_NAME = "Heartwork";

/** The configured public origin; never derived from a request's Host header. */
export function siteUrl(): string {
  return env.APP_URL;
}
