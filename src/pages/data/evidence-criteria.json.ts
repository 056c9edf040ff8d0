/**
 * /data/evidence-criteria.json: the trials' eligibility and the guidelines' selection criteria,
 * compiled as the engine evaluates them, with the words to cite them. The checker loads it after
 * the payer results (a trial or guideline is not a payer); no patient fact comes near this file.
 */
import type { APIRoute } from 'astro';
import { siteContent } from '../../data/collections.ts';
import { buildCheckerData } from '../../lib/checker/data.ts';
import { amaText, cslItem } from '../../lib/citations/export.ts';
import { stanceLabel } from '../../lib/format/positions.ts';
import { verificationLabel } from '../../lib/schema/common.ts';

export const GET: APIRoute = async () => {
  const content = await siteContent();
  const data = buildCheckerData({
    lines: content.evidenceLines,
    // Trials and guidelines are not payers' policies: no plan summary to carry.
    policies: {},
    sources: content.sources,
    guidelines: [],
    studies: [],
    stanceLabel,
    verificationLabels: verificationLabel,
    ama: (id) => amaText(id, content.sourceById.get(id)!),
    csl: (id) => cslItem(id, content.sourceById.get(id)!, 'keep'),
  });
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
