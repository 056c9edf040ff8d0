/** Editorial pages written in MDX (evidence summary, methods); citations are `<Cite>` components in the body. */
import { z } from 'astro/zod';
import { isoDate } from './common.ts';

export const articleSchema = z
  .object({
    /** Page title. */
    title: z.string().min(1),
    /** One-sentence description for the page's meta description and index listings. */
    description: z.string().min(1),
    /** Date the editors last reviewed the page. */
    lastReviewed: isoDate,
  })
  .strict();
export type Article = z.infer<typeof articleSchema>;
