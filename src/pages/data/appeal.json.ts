/**
 * /data/appeal.json: what the appeal letter needs beyond the checker's data (/data/checker/) — the reference
 * texts of the sources its guide cites (the Medicare Advantage rule, the appeal regulations, the
 * New York external-appeal decisions, the LCD records). Public data only.
 */
import type { APIRoute } from 'astro';
import { siteContent } from '../../data/collections.ts';
import { buildAppealData } from '../../lib/appeal/guide.ts';
import { amaText } from '../../lib/citations/export.ts';

export const GET: APIRoute = async () => {
  const { sourceById } = await siteContent();
  const data = buildAppealData(sourceById, (id) => amaText(id, sourceById.get(id)!));
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
