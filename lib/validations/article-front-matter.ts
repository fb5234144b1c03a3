import { z } from "zod";

/** The front matter every article file starts with (see content/articles). */
export const articleFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().min(50).max(300),
    published: z.iso.date(),
    updated: z.iso.date(),
  })
  .strict();

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;
