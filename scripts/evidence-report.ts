/**
 * Writes the provenance figures (how many payer rules are the same as, stricter or looser than,
 * different from, or absent from the trials' and guidelines' criteria read) into
 * docs/evidence-criteria.md, between its figure markers.
 *
 *   npm run report:evidence
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadCompiledContent } from '../src/loaders/content-files.ts';
import { criteriaMatrix } from '../src/lib/compare/matrix.ts';
import {
  evidenceRules,
  matrixProvenance,
  provenanceFigures,
} from '../src/lib/compare/provenance.ts';
import { provenanceMarkdown, replaceFigures } from '../src/lib/compare/provenance-report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { lines, evidenceLines } = await loadCompiledContent(root);
const current = lines.filter((l) => !l.id.includes('@'));
const matrix = criteriaMatrix(current, lines);
const figures = provenanceFigures(matrix, matrixProvenance(matrix, evidenceRules(evidenceLines)));
const path = `${root}docs/evidence-criteria.md`;
const doc = await readFile(path, 'utf8');
const next = replaceFigures(
  doc,
  provenanceMarkdown(
    figures,
    evidenceLines.map((l) => l.policyName),
  ),
);
await writeFile(path, next);
console.log(next.slice(next.indexOf('| Payer line'), next.indexOf('<!-- end')));
