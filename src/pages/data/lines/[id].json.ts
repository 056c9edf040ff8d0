/**
 * /data/lines/<line id>.json: what the browser pair page needs of one current line (the compiled
 * line, its name, what the page says of it and the sources it cites); see pair-files.ts.
 */
import type { APIRoute } from 'astro';
import { sourceLookup } from '../../../data/collections.ts';
import { comparison } from '../../../data/comparison.ts';
import { pathsToRender, policyDigests } from '../../../data/partial-build.ts';
import { lineFile } from '../../../lib/compare/pair-query.ts';
import type { EvaluablePolicy } from '../../../lib/engine/types.ts';

export async function getStaticPaths() {
  const { current } = await comparison();
  const paths = current.map((line) => ({ params: { id: line.id }, props: { line } }));
  // The file holds the line and what its policy says of it (summary, verification).
  return pathsToRender('/data/lines/[id].json', paths, async ({ props: { line } }) => ({
    line,
    policies: await policyDigests([line.policyId]),
  }));
}

export const GET: APIRoute = async ({ props }) => {
  const { line } = props as { line: EvaluablePolicy };
  const data = await comparison();
  const { summary, verification } = data.lineInfo(line);
  const file = lineFile(
    line,
    data.names.get(line.id) ?? line.policyName,
    { summary, verification },
    await sourceLookup(),
  );
  return new Response(JSON.stringify(file), { headers: { 'Content-Type': 'application/json' } });
};
