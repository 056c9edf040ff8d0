/**
 * /data/checker/lines/<line id>.json: one compiled policy line, exactly as the engine evaluates
 * it, with its policy document, the words of the sources it cites and the provenance of its
 * criteria. The checker loads the lines that apply to the member; the packet and the letter
 * load the line they show (and the LCDs it may defer to).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { checkerFiles } from '../../../../data/checker.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { lines } = await checkerFiles();
  return [...lines.keys()].map((id) => ({ params: { id } }));
};

export const GET: APIRoute = async ({ params }) => {
  const { lines } = await checkerFiles();
  return new Response(JSON.stringify(lines.get(params.id!)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
