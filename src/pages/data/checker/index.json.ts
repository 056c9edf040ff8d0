/**
 * /data/checker/index.json: one short entry per current policy line (who issues it, for whom,
 * which LCDs it may defer to), from which the checker decides which lines apply to the member
 * before loading any line's criteria. Policy data is public; patient facts never come near it.
 */
import type { APIRoute } from 'astro';
import { checkerFiles } from '../../../data/checker.ts';

export const GET: APIRoute = async () => {
  const { index } = await checkerFiles();
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
};
