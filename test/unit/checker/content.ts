/** The compiled current policy lines and source records, read from src/content as the build reads them. */
import { readFileSync } from 'node:fs';
import { readAllContent } from '../../../src/loaders/content-files.ts';
import { validateContent } from '../../../src/lib/content/validate.ts';
import { compilePolicies } from '../../../src/lib/engine/compile.ts';
import type { PatientFacts } from '../../../src/lib/facts/schema.ts';

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
