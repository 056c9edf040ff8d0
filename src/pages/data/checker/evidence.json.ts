/**
 * /data/checker/evidence.json: the guidelines and studies the appeal packet and letter cite,
 * with their sources' words. The checker itself never loads it.
 */
import type { APIRoute } from 'astro';
import { checkerFiles } from '../../../data/checker.ts';

export const GET: APIRoute = async () => {
  const { evidence } = await checkerFiles();
  return new Response(JSON.stringify(evidence), {
    headers: { 'Content-Type': 'application/json' },
  });
};
