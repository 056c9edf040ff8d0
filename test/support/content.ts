/** The project's real content, validated and compiled, for tests that check computed results against it. */
import { readFileSync } from 'node:fs';
import { readAllContent } from '../../src/loaders/content-files.ts';
import { formatErrors, validateContent } from '../../src/lib/content/validate.ts';
import { compilePolicies, type PolicyEntry } from '../../src/lib/engine/compile.ts';
import { PatientFacts } from '../../src/lib/facts/schema.ts';

/** Every content entry of src/content, failing loudly when the content is invalid. */
export async function loadContent() {
  const { errors, content } = validateContent(await readAllContent(process.cwd()));
  if (errors.length) throw new Error(`src/content is invalid:\n${formatErrors(errors)}`);
  const policies: PolicyEntry[] = [...content.policies]
    .map(([id, data]) => ({ id, data }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const lines = compilePolicies(policies);
  return { content, policies, lines, byId: new Map(lines.map((l) => [l.id, l])) };
}

/** A vignette's facts from test/fixtures/vignettes, checked against the PatientFacts schema. */
export function vignette(name: string): PatientFacts {
  const path = `test/fixtures/vignettes/${name}.json`;
  return PatientFacts.parse(JSON.parse(readFileSync(path, 'utf8')));
}
