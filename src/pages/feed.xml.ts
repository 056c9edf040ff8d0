/** Atom feed of policy revisions: every encoded policy's revision history, newest first. */
import type { APIRoute } from 'astro';
import { siteContent } from '../data/collections.ts';
import { atomFeed } from '../lib/feed/atom.ts';

export const GET: APIRoute = async ({ site }) => {
  const { policies } = await siteContent();
  if (!site)
    throw new Error(
      'feed.xml: astro.config.mjs must set `site` (absolute URLs are required in Atom).',
    );
  return new Response(atomFeed(policies, site.href), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
