/** The command line: same outcomes as the engine on the shared vignettes, clear errors with exit code 2. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../src/lib/engine/evaluate.ts';
import { baselinePath, baselinePatient } from '../../src/lib/compare/baseline.ts';
import { loadContent, root, vignettes } from '../helpers/content.ts';

const expected = parse(
  readFileSync(`${root}/test/fixtures/vignettes/expected.yaml`, 'utf8'),
) as Record<string, { expected: Record<string, string>; evidence: Record<string, string> }>;

function cli(args: string[], input?: string) {
  return spawnSync(process.execPath, ['scripts/eligibility.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
  });
}

describe('eligibility CLI', () => {
  it.each(vignettes().map((v) => [v.id, v.path] as const))(
    'reports every policy’s outcome for %s as the engine does',
    async (id, path) => {
      const result = cli([path, '--json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const { results } = JSON.parse(result.stdout) as {
        results: { policy: string; outcome: string }[];
      };
      const { current } = await loadContent();
      const engine = evaluateAll(current, vignettes().find((v) => v.id === id)!.facts);
      expect(results.map((r) => [r.policy, r.outcome])).toEqual(
        engine.map((r) => [r.policy, r.outcome]),
      );
      for (const [policy, outcome] of Object.entries(expected[id]!.expected))
        expect(results.find((r) => r.policy === policy)?.outcome).toBe(outcome);
    },
  );

  it('with --evidence, reports the trials’ and guidelines’ results after the payers’, with owners and citations', () => {
    const v02 = vignettes().find((v) => v.id === 'V02-seed-000-patient')!;
    const json = cli([v02.path, '--evidence', '--json']);
    expect(json.status).toBe(0);
    const { results, evidence } = JSON.parse(json.stdout) as {
      results: { policy: string }[];
      evidence: {
        policy: string;
        outcome: string;
        owner: { kind: string };
        failed: { citation?: { source: string; text: string } }[];
      }[];
    };
    expect(results.some((r) => r.policy === 'cohere-ma')).toBe(true);
    for (const [set, outcome] of Object.entries(expected['V02-seed-000-patient']!.evidence))
      expect(evidence.find((r) => r.policy === set)?.outcome).toBe(outcome);
    const intracept = evidence.find((r) => r.policy === 'intracept-eligibility')!;
    expect(intracept.owner.kind).toBe('trial-eligibility');
    expect(intracept.failed[0]?.citation?.source).toBe('smuck-2021');
    const text = cli([v02.path, '--evidence', '--policy', 'cohere-ma']).stdout;
    expect(text.indexOf('Cohere MA v3')).toBeLessThan(text.indexOf('TRIALS AND GUIDELINES'));
    expect(text).toContain(
      'INTRACEPT (eligibility) (intracept-eligibility): DOES NOT MEET THE CRITERIA',
    );
    expect(cli([v02.path, '--json']).stdout).not.toContain('"evidence"');
  });

  it('filters with --policy and reads facts from stdin', () => {
    const facts = readFileSync(`${root}/test/fixtures/vignettes/V04-bmi-45.json`, 'utf8');
    const result = cli(['--policy', 'cohere-ma', '--policy', 'mgb-commercial', '--json'], facts);
    const { results } = JSON.parse(result.stdout) as {
      results: { policy: string; failed: unknown[] }[];
    };
    expect(results.map((r) => r.policy)).toEqual(['cohere-ma', 'mgb-commercial']);
    expect(results[0]?.failed[0]).toMatchObject({
      concept: 'bmi',
      citation: { source: 'cohere-bvn-v3', section: 'Non-Indications', item: 16 },
    });
  });

  it('prints a block per policy with failed criteria and citations in text mode', () => {
    const result = cli(['test/fixtures/vignettes/V03-age-19.json', '--policy', 'mgb-commercial']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(mgb-commercial): FAILS CRITERIA');
    expect(result.stdout).toContain('Aged 25 or older');
    expect(result.stdout).toContain('[MGB Health Plan policy 097, Criteria for BVNA]');
  });

  it('lists the documentation to add for an incomplete chart', () => {
    const result = cli([
      'test/fixtures/vignettes/V06-no-behavioral-health-assessment.json',
      '--policy',
      'cohere-ma',
    ]);
    expect(result.stdout).toContain('Documentation to add:');
    expect(result.stdout).toContain('a behavioural health assessment');
  });

  it('exits 2 naming a missing file', () => {
    const result = cli(['no-such-file.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot read no-such-file.json: no such file');
  });

  it('exits 2 on invalid JSON', () => {
    const result = cli(['-'], '{"ageYears": ');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('stdin is not valid JSON');
  });

  it('exits 2 naming each field that breaks the schema and what was expected', () => {
    const result = cli(
      ['-'],
      JSON.stringify({
        ageYears: 130,
        pregnant: 'no',
        spondylolisthesis: [{ mm: -1 }],
        typo: true,
      }),
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'ageYears (Age): expected a whole number from 0 to 120 (years), got 130',
    );
    expect(result.stderr).toContain('pregnant (Pregnant): expected true or false, got "no"');
    expect(result.stderr).toContain(
      'spondylolisthesis[0].mm (Spondylolisthesis, row 1, Slip): expected a number from 0 to 50 (mm), got -1',
    );
    expect(result.stderr).toContain('typo: unknown fact');
  });

  it('exits 2 on an unknown policy id, listing the known ones', () => {
    const result = cli([baselinePath, '--policy', 'nope']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown policy "nope"; known policies: ');
    expect(result.stderr).toContain('cohere-ma');
  });

  it('exits 2 on an unknown flag or a flag without its value, with the usage', () => {
    const unknown = cli([baselinePath, '--jsn']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("eligibility: Unknown option '--jsn'");
    expect(unknown.stderr).toContain('Usage: npm run --silent eligibility');
    const bare = cli([baselinePath, '--policy']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("Option '--policy <value>' argument missing");
  });

  it('exits 2 on facts that contradict each other, naming both fields of each pair', () => {
    const facts = { ...baselinePatient() } as Record<string, unknown>;
    const result = cli(
      ['-'],
      JSON.stringify({
        ...facts,
        predominantPain: 'radicular',
        cognitiveTherapy: 'not-tried',
        cognitiveTherapySessions: 3,
      }),
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('stdin has facts that contradict each other');
    expect(result.stderr).toContain(
      'predominantPain / radicularPain: Predominant pain pattern (predominantPain) “radicular” contradicts Radicular pain present (radicularPain) “no”',
    );
    expect(result.stderr).toContain('cognitiveTherapy / cognitiveTherapySessions: ');
  });

  it('answers a 22-year-old MGB Medicare Advantage member treated in Massachusetts with the two readings and what would settle them', () => {
    const facts = { ...baselinePatient() } as Record<string, unknown>;
    const input = JSON.stringify({ ...facts, ageYears: 22, state: 'MA' });
    const json = cli(['-', '--policy', 'mgb-medicare-advantage', '--json'], input);
    expect(json.status).toBe(0);
    const [result] = (JSON.parse(json.stdout) as { results: unknown[] }).results;
    expect(result).toMatchObject({
      outcome: 'depends-on-lcd',
      branches: [
        { policy: 'lcd-l39420', outcome: 'meets' },
        { policy: 'mgb-medicare-advantage', outcome: 'fails' },
      ],
      settle: [expect.stringContaining('L39420 applies in MA')],
    });
    const text = cli(['-', '--policy', 'mgb-medicare-advantage'], input).stdout;
    expect(text).toContain('(mgb-medicare-advantage): DEPENDS ON WHICH LCD APPLIES');
    expect(text).toContain('What would settle it:');
    expect(text).not.toContain('in this state');
  });

  it('reports Cohere’s anaesthesia item as a billing note with its citation, for Cohere and the lines that borrow it', () => {
    const facts = { ...baselinePatient() } as Record<string, unknown>;
    const input = JSON.stringify({
      ...facts,
      anesthesia: 'moderate-sedation',
      anesthesiaNecessityDocumented: false,
    });
    const lines = ['cohere-ma', 'lcd-l39420', 'lcd-l39642', 'lcd-l39644', 'kaiser-wa-medicare'];
    const json = cli(['-', ...lines.flatMap((l) => ['--policy', l]), '--json'], input);
    for (const result of (
      JSON.parse(json.stdout) as {
        results: { policy: string; outcome: string; advisories: unknown[] }[];
      }
    ).results) {
      expect(result.outcome, result.policy).toBe('meets');
      expect(result.advisories[0]).toMatchObject({
        id: 'anesthesia-billing',
        role: 'billing-note',
        status: 'applies',
        citation: { source: 'cohere-bvn-v3', section: 'Indications', item: 8 },
      });
    }
    const text = cli(['-', '--policy', 'cohere-ma'], input).stdout;
    expect(text).toContain('(cohere-ma): MEETS CRITERIA');
    expect(text).toMatch(
      /Billing note \(never decides coverage\) — Anaesthesia beyond local anaesthesia with mild sedation: Anaesthesia beyond local anaesthesia with mild sedation may not be billed separately[^\n]*\[Cohere MA BVN policy v3, Indications, item 8\]/,
    );
  });

  it('exits 2 when the JSON is not an object', () => {
    const result = cli(['-'], '[1, 2]');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('expected a JSON object of patient facts');
  });

  it('prints a policy named twice once', () => {
    const result = cli([baselinePath, '--policy', 'cohere-ma', '--policy', 'cohere-ma', '--json']);
    const { results } = JSON.parse(result.stdout) as { results: { policy: string }[] };
    expect(results.map((r) => r.policy)).toEqual(['cohere-ma']);
  });

  it('accepts a file with a UTF-8 byte-order mark, as the checker’s import does', () => {
    const result = cli(['-', '--json'], `\uFEFF${JSON.stringify({ ageYears: 55 })}`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses 5,000-deep JSON in one line, with no stack trace', () => {
    const result = cli(['-'], `{"healthPlan":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'eligibility: stdin is nested more than 8 levels deep (patient facts need 3).\n',
    );
  });

  it('bounds its messages: an oversized file in one line, many unknown keys counted', () => {
    const huge = JSON.stringify(
      Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`k${i}`, 1])),
    );
    const big = cli(['-'], huge);
    expect(big.status).toBe(2);
    expect(big.stderr).toMatch(
      /^eligibility: stdin is \d+ KB; a patient facts file is at most 200 KB\.\n$/,
    );
    const many = cli(
      ['-'],
      JSON.stringify(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, 1]))),
    );
    expect(many.stderr.split('\n').length).toBeLessThan(20);
    expect(many.stderr).toContain('…and 2988 more problems.');
  });

  it('names a number too large to read as it was written', () => {
    const result = cli(['-'], '{"bmi": 1e309}');
    expect(result.stderr).toContain(
      'bmi (BMI): expected a number from 10 to 90 (kg/m²), got 1e309, a number too large to read.',
    );
  });
});
