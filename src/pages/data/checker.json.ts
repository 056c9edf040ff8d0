/**
 * /data/checker.json: the compiled current policy lines and the words to cite them, loaded by
 * the checker and the appeal packet (same origin). Policy data is public; patient facts never
 * come near this file.
 */
import type { APIRoute } from 'astro';
import { currentLines, siteContent } from '../../data/collections.ts';
import { buildCheckerData } from '../../lib/checker/data.ts';
import { amaText } from '../../lib/citations/export.ts';
import { stanceLabel } from '../../lib/format/positions.ts';
import { verificationLabel } from '../../lib/schema/common.ts';

export const GET: APIRoute = async () => {
  const content = await siteContent();
  const sourceById = content.sourceById;
  const data = buildCheckerData({
    lines: await currentLines(),
    sources: content.sources,
    guidelines: content.guidelines,
    studies: content.studies,
    stanceLabel,
    verificationLabels: verificationLabel,
    ama: (id) => amaText(id, sourceById.get(id)!),
  });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
