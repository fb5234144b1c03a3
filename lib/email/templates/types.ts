import type { z } from "zod";
import type { RenderedEmail } from "@/lib/email/templates/layout";

/**
 * One email: a pure function of its data. No database, no keys, no env: the
 * delivery worker opens the stored payload (lib/email/open-payloads.ts) and
 * passes the origin in, so a template can be rendered and tested on its own.
 */
export type EmailTemplate<Data> = {
  /** Validates the opened data right before it is rendered. */
  schema: z.ZodType<Data>;
  /** Subject, text and HTML. Links must start with `appUrl` (env.APP_URL). */
  render(data: Data, context: { appUrl: string }): RenderedEmail;
};
