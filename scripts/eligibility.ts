/**
 * Command line: evaluate one patient's facts against every encoded policy, with the same engine
 * the site uses.
 *
 *   npm run --silent eligibility -- <facts.json> [--policy <id>]… [--evidence] [--json]
 *   npm run --silent eligibility -- - < facts.json        (or pipe the facts on stdin)
 *
 * Exit codes: 0 evaluated; 2 bad input (missing file, invalid JSON, facts that break the schema,
 * facts that contradict each other, unknown policy id). The facts format is the JSON Schema at /schema/patient-facts.json.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadCompiledContent } from '../src/loaders/content-files.ts';
import { readFactsText } from '../src/lib/facts/read.ts';
import { evaluatePolicy } from '../src/lib/engine/evaluate.ts';
import { evaluationJson, evaluationText } from '../src/lib/format/evaluation-report.ts';
import { evidenceOutcomeLabel } from '../src/lib/format/evidence.ts';
import { parseFlags } from './lib/flags.ts';

const evidenceHeading = `TRIALS AND GUIDELINES (not payers: who could enrol, or who the procedure is recommended for)`;

const usage = `Usage: npm run --silent eligibility -- <facts.json | -> [--policy <id>]... [--evidence] [--json]

Evaluates a patient's documented facts against each encoded BVNA policy.
  <facts.json>     a JSON file in the patient facts format (/schema/patient-facts.json); "-" or no file reads stdin
  --policy <id>    only this policy line (repeatable), e.g. cohere-ma, mgb-commercial
  --evidence       also judge the facts against the trials' eligibility and the guidelines'
                   selection criteria (SMART, INTRACEPT, …), reported after the payers' results
  --json           print {"results":[...]} instead of text (with --evidence, also "evidence":[...])`;

function fail(message: string): never {
  process.stderr.write(`eligibility: ${message}\n`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) fail(`no facts given.\n\n${usage}`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const { values, positionals } = parseFlags(
  'eligibility',
  {
    policy: { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
    evidence: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  { allowPositionals: true, usage },
);
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const json = values.json;
// A policy named twice is evaluated and printed once.
const policyIds = [...new Set(values.policy)];
if (positionals.length > 1) fail(`give one facts file, not ${positionals.length}\n\n${usage}`);

const file = positionals[0];
const inputName = !file || file === '-' ? 'stdin' : file;
let raw: string;
if (!file || file === '-') raw = await readStdin();
else
  raw = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) =>
    fail(
      error.code === 'ENOENT'
        ? `cannot read ${file}: no such file`
        : `cannot read ${file}: ${error.message}`,
    ),
  );

// The same reader as the checker's import: the CLI and the browser accept the same files.
const read = readFactsText(raw, inputName);
if (!read.ok)
  fail(
    read.kind === 'file'
      ? read.errors[0]!
      : `${inputName} ${read.kind === 'contradiction' ? 'has facts that contradict each other (correct one of each pair)' : 'does not fit the patient facts schema'}:\n${read.errors.map((e) => `  ${e}`).join('\n')}`,
  );
const facts = read.facts;

const root = fileURLToPath(new URL('..', import.meta.url));
const { content, lines, evidenceLines } = await loadCompiledContent(root);
const current = lines.filter((l) => !l.id.includes('@'));
const byId = new Map(lines.map((l) => [l.id, l]));
for (const id of policyIds)
  if (!byId.has(id))
    fail(`unknown policy "${id}"; known policies: ${current.map((l) => l.id).join(', ')}`);
const selected = policyIds.length ? policyIds.map((id) => byId.get(id)!) : current;
const title = (id: string) => content.sources.get(id)?.['title-short'] ?? id;
const results = selected.map((policy) => evaluatePolicy(policy, facts, { policies: byId }));

// Trials and guidelines are not payers: their results come after the payers', in a list of their own.
const evidence = values.evidence
  ? evidenceLines.map((set) => evaluatePolicy(set, facts, { policies: byId }))
  : [];
const evidenceById = new Map(evidenceLines.map((l) => [l.id, l]));

if (json)
  console.log(
    JSON.stringify(
      {
        results: results.map((r) => evaluationJson(r, title)),
        ...(values.evidence && {
          evidence: evidence.map((r) => ({
            ...evaluationJson(r, title),
            owner: evidenceById.get(r.policy)!.owner,
          })),
        }),
      },
      null,
      2,
    ),
  );
else {
  const blocks = results.map((r) => evaluationText(r, byId.get(r.policy)!.policyName, title));
  if (values.evidence)
    blocks.push(
      evidenceHeading,
      ...evidence.map((r) =>
        evaluationText(r, evidenceById.get(r.policy)!.policyName, title, evidenceOutcomeLabel),
      ),
    );
  console.log(blocks.join('\n\n'));
}
