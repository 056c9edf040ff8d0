/**
 * The one way tests read the project's real content: src/content read as the CLI and the
 * content check read it, validated and compiled once per test file; and the vignette patients.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readAllContent } from '../../src/loaders/content-files.ts';
import { formatErrors, validateContent } from '../../src/lib/content/validate.ts';
import { compilePolicies, type PolicyEntry } from '../../src/lib/engine/compile.ts';
import { compileCriteriaSets } from '../../src/lib/engine/compile-criteria-sets.ts';
import type { EvaluablePolicy } from '../../src/lib/engine/types.ts';
import { baselinePath, baselinePatient } from '../../src/lib/compare/baseline.ts';
import { PatientFacts } from '../../src/lib/facts/schema.ts';
import { buildCheckerData, type CheckerData } from '../../src/lib/checker/data.ts';
import { criteriaMatrix } from '../../src/lib/compare/matrix.ts';
import {
  evidenceRules,
  linesEvidence,
  matrixProvenance,
} from '../../src/lib/compare/provenance.ts';
import { stanceLabel } from '../../src/lib/format/positions.ts';
import { verificationLabel } from '../../src/lib/schema/common.ts';

/** The project root, for spawning scripts and reading fixtures. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

let checked: ReturnType<typeof readAndCheck> | undefined;
async function readAndCheck() {
  const files = await readAllContent(root);
  return { files, ...validateContent(files) };
}

/** Every file of src/content with the content check's verdict; problems are returned, not thrown. */
export function checkContent() {
  checked ??= readAndCheck();
  return checked;
}

let loaded: ReturnType<typeof compile> | undefined;
async function compile() {
  const { files, errors, content } = await checkContent();
  if (errors.length > 0) throw new Error(`src/content is invalid:\n${formatErrors(errors)}`);
  const policies: PolicyEntry[] = [...content.policies]
    .map(([id, data]) => ({ id, data }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const lines = compilePolicies(policies);
  const current: EvaluablePolicy[] = lines.filter((l) => !l.id.includes('@'));
  const evidence = compileCriteriaSets(
    [...content['criteria-sets']]
      .map(([id, data]) => ({ id, data }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  );
  return {
    files,
    content,
    policies,
    lines,
    current,
    byId: new Map(lines.map((l) => [l.id, l])),
    evidence,
    evidenceById: new Map(evidence.map((l) => [l.id, l])),
  };
}

/**
 * The valid content and its compiled policy lines: `lines` every line including superseded
 * versions (`line@policy`), `current` the current ones, `byId` a lookup of all; `evidence` the
 * trials' and guidelines' criteria sets compiled the same way, `evidenceById` their lookup. Throws listing
 * every problem when the content is invalid.
 */
export function loadContent() {
  loaded ??= compile();
  return loaded;
}

const vignetteDir = 'test/fixtures/vignettes';

/** A vignette patient: its case id (as in test/fixtures/vignettes/expected.yaml), file and facts. */
export interface Vignette {
  id: string;
  /** The facts file, relative to the project root (what the CLI is given). */
  path: string;
  facts: PatientFacts;
}

/**
 * Every vignette: V01, the baseline (src/lib/compare/baseline-patient.json, which the site's
 * example patients start from), and the others from test/fixtures/vignettes/<case id>.json.
 */
export function vignettes(): Vignette[] {
  const others = readdirSync(`${root}/${vignetteDir}`)
    .filter((f) => /^V\d+.*\.json$/.test(f))
    .sort()
    .map((f) => {
      const path = `${vignetteDir}/${f}`;
      const facts = PatientFacts.parse(JSON.parse(readFileSync(`${root}/${path}`, 'utf8')));
      return { id: f.replace(/\.json$/, ''), path, facts };
    });
  return [{ id: 'V01-baseline', path: baselinePath, facts: baselinePatient() }, ...others];
}

/** One vignette's facts (a fresh copy), by case id. */
export function vignette(id: string): PatientFacts {
  const found = vignettes().find((v) => v.id === id);
  if (!found) throw new Error(`no vignette "${id}" in ${vignetteDir}`);
  return found.facts;
}

/** The V01 baseline: a fully documented ideal candidate. */
export const baseline = baselinePatient;

/**
 * The checker's data as the build makes it from the current lines (AMA texts stubbed), with the
 * provenance of their criteria against the trials and guidelines, for packet tests.
 */
export async function checkerData(): Promise<CheckerData> {
  const { content, current, lines, evidence } = await loadContent();
  const provenance = matrixProvenance(criteriaMatrix(current, lines), evidenceRules(evidence));
  const entries = <T>(map: Map<string, T>) => [...map].map(([id, d]) => ({ id, data: d }));
  return buildCheckerData({
    lines: current,
    sources: entries(content.sources),
    guidelines: entries(content.guidelines),
    studies: entries(content.studies),
    stanceLabel,
    verificationLabels: verificationLabel,
    ama: (id) => `AMA text of ${id}`,
    provenance: linesEvidence(current, provenance),
    csl: (id) => ({ id, title: `CSL record of ${id}` }),
    policies: Object.fromEntries(
      [...content.policies].map(([id, p]) => [
        id,
        {
          title: p.title,
          version: p.version,
          versionDate: p.versionDate,
          payer: {
            name: content.payers.get(p.payer)!.name,
            shortName: content.payers.get(p.payer)!.shortName,
          },
        },
      ]),
    ),
  });
}
