/** The criteria matrix over every current line: statuses, wording, citations and exports. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  criteriaMatrix,
  type CriteriaMatrix,
  type MatrixCell,
} from '../../../src/lib/compare/matrix.ts';
import {
  matrixExportRows,
  toCsv,
  toWideCsv,
  wideCellText,
} from '../../../src/lib/compare/export.ts';
import { concepts } from '../../../src/lib/criteria/concepts.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import { loadContent } from '../../helpers/content.ts';

let matrix: CriteriaMatrix;
let content: Awaited<ReturnType<typeof loadContent>>;
let current: EvaluablePolicy[];
const cell = (concept: string, line: string): MatrixCell => {
  const row = matrix.rows.find((r) => r.concept.id === concept)!;
  return row.cells[matrix.columns.findIndex((c) => c.line.id === line)]!;
};

beforeAll(async () => {
  content = await loadContent();
  current = content.lines.filter((l) => !l.id.includes('@'));
  matrix = criteriaMatrix(current, content.lines);
});

describe('criteriaMatrix', () => {
  it('has one column per current line and rows in the concept registry’s order', () => {
    expect(matrix.columns.map((c) => c.line.id)).toEqual(current.map((l) => l.id));
    const order = concepts.map((c) => c.id);
    const ids = matrix.rows.map((r) => r.concept.id);
    expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(ids).toContain('spondylolisthesis');
  });

  it('marks lines that pay for no one as not covered in every row', () => {
    for (const line of [
      'mgb-masshealth',
      'uhc-commercial',
      'aetna-commercial',
      'kaiser-wa-non-medicare',
    ])
      for (const row of matrix.rows) expect(cell(row.concept.id, line).status).toBe('not-covered');
  });

  it('says “not public” where MGB defers to InterQual and “not addressed” where a policy is silent', () => {
    expect(cell('pain-duration', 'mgb-commercial').status).toBe('not-public');
    expect(cell('pain-duration', 'mgb-commercial').note).toBe(
      'Not in the public criteria; the non-public criteria may address it.',
    );
    expect(cell('pain-duration', 'mgb-commercial').noteCitation).toEqual({
      source: 'mgb-097',
      section: 'Criteria for BVNA',
    });
    expect(cell('concurrent-procedures', 'cohere-ma').status).toBe('not-addressed');
    expect(cell('bmi', 'highmark').note).toBe('Not in the part of the policy that could be read.');
  });

  it('shows lines that apply an LCD as following it, with the LCD’s rule', () => {
    const kaiser = cell('spondylolisthesis', 'kaiser-wa-medicare');
    expect(kaiser.status).toBe('follows-lcd');
    expect(kaiser.note).toBe('Applies L39642.');
    expect(kaiser.rules[0]!.anchors[0]).toBe(
      '/policies/lcd-l39642/#lcd-l39642--spondylolisthesis-2mm',
    );
    expect(kaiser.variant).toBeDefined();
    expect(kaiser.variant).toBe(cell('spondylolisthesis', 'cohere-ma').variant);
    expect(cell('spondylolisthesis', 'mgb-medicare-advantage').variant).toBe(
      cell('spondylolisthesis', 'mgb-commercial').variant,
    );
  });

  it('treats the LCD lines as Cohere’s restatement without its behavioural health rule', () => {
    for (const lcd of ['lcd-l39420', 'lcd-l39642', 'lcd-l39644'])
      for (const row of matrix.rows) {
        const own = cell(row.concept.id, lcd);
        const cohere = cell(row.concept.id, 'cohere-ma');
        if (row.concept.id === 'behavioral-health') expect(own.status).toBe('not-addressed');
        else if (cohere.status === 'billing-note')
          expect(own).toMatchObject({
            status: 'billing-note',
            rules: [{ words: cohere.rules[0]!.words }],
          });
        else if (cohere.rules.length)
          expect(
            row.variants.find((v) => v.lines.includes('cohere-ma'))!.lines,
            row.concept.id,
          ).toContain(lcd);
      }
  });

  it('shows Cohere’s anaesthesia item as a billing note that never decides coverage, in Cohere’s column and the columns that borrow it', () => {
    for (const line of ['cohere-ma', 'lcd-l39420', 'lcd-l39642', 'lcd-l39644']) {
      const c = cell('anesthesia', line);
      expect(c.status, line).toBe('billing-note');
      expect(c.rules[0]!.words).toMatch(/^Never decides coverage: /);
      expect(c.rules[0]!.citations).toEqual([
        { source: 'cohere-bvn-v3', section: 'Indications', item: 8 },
      ]);
    }
    expect(matrix.rows.find((r) => r.concept.id === 'anesthesia')!.variants).toEqual([]);
  });

  it('states a rule once however often the policy repeats it, citing every place it does', () => {
    const repeated = cell('spondylolisthesis', 'cohere-ma');
    expect(repeated.rules).toHaveLength(1);
    expect(repeated.rules[0]!.citations.map((c) => c.item)).toEqual(['8b', '14b']);
  });

  it('cites every rule it states', () => {
    for (const row of matrix.rows)
      for (const c of row.cells) {
        for (const rule of c.rules)
          expect(rule.citations.length, `${c.line} ${c.concept}`).toBeGreaterThan(0);
        if (!c.rules.length) expect(c.noteCitation, `${c.line} ${c.concept}`).toBeDefined();
      }
  });

  it('gives variant letters only in rows where the rules differ', () => {
    const bmi = matrix.rows.find((r) => r.concept.id === 'bmi')!;
    expect(bmi.variants).toHaveLength(1);
    expect(bmi.cells.every((c) => c.variant === undefined)).toBe(true);
  });

  it('explains every variant other than the first in words', () => {
    const age = matrix.rows.find((r) => r.concept.id === 'minimum-age')!;
    expect(age.variants.length).toBe(3);
    for (const v of age.variants.slice(1)) expect(v.differences.length).toBeGreaterThan(0);
    expect(age.variants.flatMap((v) => v.differences).join(' ')).toContain('Skeletally mature');
  });
});

describe('exports', () => {
  it('has one row per concept and line, each with status, rule and citation', () => {
    const sources = content.content.sources;
    const rows = matrixExportRows(matrix, (id) => sources.get(id)?.verification);
    expect(rows).toHaveLength(matrix.rows.length * matrix.columns.length);
    const row = rows.find((r) => r.concept === 'spondylolisthesis' && r.line === 'mgb-commercial')!;
    expect(row).toMatchObject({
      policy: 'mgb-097-2026-01',
      status: 'differs',
      rule: 'Excludes any spondylolisthesis: slip > 2 mm',
      citationSource: 'mgb-097',
      locator: 'Exclusions, item 8',
      verification: 'seed-only',
    });
    for (const r of rows) expect(r.citationSource, `${r.concept} ${r.line}`).not.toBe('');
  });

  it('writes RFC 4180 CSV: a byte-order mark, a header, quoted fields where needed, CRLF line ends', () => {
    const rows = matrixExportRows(matrix, () => 'verified');
    const csv = toCsv(rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'concept,conceptLabel,line,lineName,policy,status,statusLabel,variant,rule,citationSource,locator,verification,provenance',
    );
    expect(lines).toHaveLength(rows.length + 2);
    expect(csv).toContain('"MGB 097 (Jan 2026), Commercial and Qualified Health Plan"');
    expect(toCsv([{ ...rows[0]!, rule: 'says "hi", then\nstops' }])).toContain(
      '"says ""hi"", then\nstops"',
    );
  });

  it('writes the wide CSV: one row per criterion, one column per policy line, each cell its status, rule and citations', () => {
    const csv = toWideCsv(matrix, () => 'verified');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(matrix.rows.length + 2);
    expect(lines[0]!.startsWith('concept,conceptLabel,')).toBe(true);
    expect(lines[0]).toContain(
      '"MGB 097 (Jan 2026), Commercial and Qualified Health Plan [mgb-commercial]"',
    );
    const spondy = matrix.rows.findIndex((r) => r.concept.id === 'spondylolisthesis');
    const mgb = matrix.columns.findIndex((c) => c.line.id === 'mgb-commercial');
    const text = wideCellText(matrix.rows[spondy]!.cells[mgb]!, () => 'verified');
    expect(text).toMatch(
      /^Differs [A-Z]: Excludes any spondylolisthesis: slip > 2 mm \[mgb-097 Exclusions, item 8 \(verified\)\]$/,
    );
    expect(lines[spondy + 1]).toContain(text);
  });
});
