/**
 * /data/checker/lines/<line id>.json: one compiled policy line, exactly as the engine evaluates
 * it, with its policy document, the words of the sources it cites and the provenance of its
 * criteria. The checker loads the lines that apply to the member; the packet and the letter
 * load the line they show (and the LCDs it may defer to).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { checkerFiles } from '../../../../data/checker.ts';
import { pathsToRender } from '../../../../data/partial-build.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { lines } = await checkerFiles();
  const paths = [...lines.keys()].map((id) => ({ params: { id } }));
  // The file is exactly its line's data, so that is what its digest covers.
  return pathsToRender('/data/checker/lines/[id].json', paths, ({ params }) =>
    lines.get(params.id),
  );
};

export const GET: APIRoute = async ({ params }) => {
  const { lines } = await checkerFiles();
  return new Response(JSON.stringify(lines.get(params.id!)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
