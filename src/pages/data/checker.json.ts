/**
 * /data/checker.json: the compiled current policy lines and the words to cite them, loaded by
 * the checker and the appeal packet (same origin). Policy data is public; patient facts never
 * come near this file.
 */
import type { APIRoute } from 'astro';
import { currentLines, siteContent } from '../../data/collections.ts';
import { evidenceComparison } from '../../data/evidence.ts';
import { linesEvidence } from '../../lib/compare/provenance.ts';
import { buildCheckerData } from '../../lib/checker/data.ts';
import { amaText, cslItem } from '../../lib/citations/export.ts';
import { stanceLabel } from '../../lib/format/positions.ts';
import { verificationLabel } from '../../lib/schema/common.ts';

export const GET: APIRoute = async () => {
  const content = await siteContent();
  const sourceById = content.sourceById;
  const lines = await currentLines();
  const evidence = await evidenceComparison();
  const data = buildCheckerData({
    lines,
    policies: Object.fromEntries(
      content.policies.map((p) => {
        const payer = content.payerById.get(p.data.payer)!;
        return [
          p.id,
          {
            title: p.data.title,
            version: p.data.version,
            versionDate: p.data.versionDate,
            payer: { name: payer.name, shortName: payer.shortName },
          },
        ];
      }),
    ),
    sources: content.sources,
    guidelines: content.guidelines,
    studies: content.studies,
    stanceLabel,
    verificationLabels: verificationLabel,
    ama: (id) => amaText(id, sourceById.get(id)!),
    provenance: linesEvidence(lines, evidence.provenance),
    csl: (id) => cslItem(id, sourceById.get(id)!, 'keep'),
  });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
