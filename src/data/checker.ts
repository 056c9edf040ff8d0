/**
 * Astro-side access to the checker's data: built once per build from the current lines and
 * split by line (src/lib/checker/split.ts) for the endpoints under /data/checker/.
 */
import { buildCheckerData } from '../lib/checker/data.ts';
import { splitCheckerData, type SplitCheckerData } from '../lib/checker/split.ts';
import { amaText, cslItem } from '../lib/citations/export.ts';
import { linesEvidence } from '../lib/compare/provenance.ts';
import { stanceLabel } from '../lib/format/positions.ts';
import { verificationLabel } from '../lib/schema/common.ts';
import { currentLines, siteContent } from './collections.ts';
import { evidenceComparison } from './evidence.ts';

async function build(): Promise<SplitCheckerData> {
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
            payer: { name: payer.name, shortName: payer.shortName, kind: payer.kind },
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
  return splitCheckerData(data);
}

let built: Promise<SplitCheckerData> | undefined;

/** The checker's index, line files and evidence file (computed once per build). */
export function checkerFiles(): Promise<SplitCheckerData> {
  built ??= build();
  return built;
}
