/** The compiled current policy lines and source records, read from src/content as the build reads them. */
import { readFileSync } from 'node:fs';
import { readAllContent } from '../../../src/loaders/content-files.ts';
import { validateContent } from '../../../src/lib/content/validate.ts';
import { compilePolicies } from '../../../src/lib/engine/compile.ts';
import type { PatientFacts } from '../../../src/lib/facts/schema.ts';
import { buildCheckerData, type CheckerData } from '../../../src/lib/checker/data.ts';
import { stanceLabel } from '../../../src/lib/format/positions.ts';
import { verificationLabel } from '../../../src/lib/schema/common.ts';

export async function loadContent() {
  const { errors, content } = validateContent(await readAllContent(process.cwd()));
  if (errors.length > 0)
    throw new Error(`content does not validate: ${errors.map((e) => e.message).join('; ')}`);
  const lines = compilePolicies([...content.policies].map(([id, data]) => ({ id, data }))).filter(
    (l) => !l.id.includes('@'),
  );
  return { content, lines };
}

export function vignette(id: string): PatientFacts {
  return JSON.parse(readFileSync(`test/fixtures/vignettes/${id}.json`, 'utf8')) as PatientFacts;
}

/** The checker's data as the build makes it (AMA texts stubbed), for packet tests. */
export async function checkerData(): Promise<CheckerData> {
  const { content, lines } = await loadContent();
  const entries = <T>(map: Map<string, T>) => [...map].map(([id, d]) => ({ id, data: d }));
  return buildCheckerData({
    lines,
    sources: entries(content.sources),
    guidelines: entries(content.guidelines),
    studies: entries(content.studies),
    stanceLabel,
    verificationLabels: verificationLabel,
    ama: (id) => `AMA text of ${id}`,
  });
}
