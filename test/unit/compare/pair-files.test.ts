/**
 * The browser pair page's data and steps: its line files hold enough to make, for every pair, the
 * same page the build makes from every line; its query is read with clear problems; its links
 * go to a pre-rendered page when there is one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineName, baselinePatient } from '../../../src/lib/compare/baseline.ts';
import type { SourceLookup } from '../../../src/lib/compare/citation-nodes.ts';
import { lineNames } from '../../../src/lib/compare/names.ts';
import { pairViewFromFiles } from '../../../src/lib/compare/pair-files.ts';
import {
  appliedLines,
  citedSources,
  lineFile,
  loadPairFiles,
  linesByPayer,
  matchingLines,
  readPairQuery,
  type LineFile,
  type LineIndex,
} from '../../../src/lib/compare/pair-query.ts';
import { pairPageView, type PairLineInfo } from '../../../src/lib/compare/pair-view.ts';
import { browserPairPath, diffLines, pairHref, pairPath } from '../../../src/lib/compare/pairs.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import { loadContent } from '../../helpers/content.ts';

let content: Awaited<ReturnType<typeof loadContent>>;
let current: EvaluablePolicy[];
let names: Map<string, string>;
let sourceOf: SourceLookup;
let infoOf: (line: EvaluablePolicy) => PairLineInfo;
/** Each current line's file as the browser receives it (through JSON). */
let files: Map<string, LineFile>;
beforeAll(async () => {
  content = await loadContent();
  current = content.current;
  names = lineNames(content.lines);
  sourceOf = (id) => {
    const s = content.content.sources.get(id);
    return s && { title: s['title-short'], verification: s.verification };
  };
  infoOf = (line) => {
    const policy = content.content.policies.get(line.policyId)!;
    return {
      summary: policy.lines.find((l) => l.id === line.id)?.summary,
      verification: policy.verification,
    };
  };
  files = new Map(
    current.map((line) => [
      line.id,
      JSON.parse(
        JSON.stringify(lineFile(line, names.get(line.id)!, infoOf(line), sourceOf)),
      ) as LineFile,
    ]),
  );
});

describe('the line files', () => {
  // Every pre-rendered pair is compared in the browser by test/e2e/pair.test.ts; here, a sample
  // that keeps the unit run short: each line with the next in id order, and every line with a
  // line that applies three LCDs (whose files come along).
  it('make the page the build makes from every line, for lines with and without LCDs', async () => {
    const baseline = { facts: baselinePatient(), name: baselineName };
    const sorted = [...current].sort((x, y) => x.id.localeCompare(y.id));
    const pairs = new Map<string, [EvaluablePolicy, EvaluablePolicy]>();
    const add = (x: EvaluablePolicy, y: EvaluablePolicy) => {
      if (x.id !== y.id) pairs.set(pairPath(x.id, y.id), x.id < y.id ? [x, y] : [y, x]);
    };
    sorted.forEach((line, i) => i > 0 && add(sorted[i - 1]!, line));
    const mgb = sorted.find((l) => l.id === 'mgb-medicare-advantage')!;
    expect(appliedLines(mgb)).toHaveLength(3);
    for (const line of sorted) add(mgb, line);
    const load = (id: string) => Promise.resolve(files.get(id)!);
    for (const [a, b] of pairs.values()) {
      const built = pairPageView(
        diffLines(a, b, { all: content.lines, baseline: baselinePatient(), baselineName }),
        { a: infoOf(a), b: infoOf(b) },
        sourceOf,
      );
      const loaded = await loadPairFiles(a.id, b.id, load);
      const browser = pairViewFromFiles(loaded.a, loaded.b, loaded.applied, baseline);
      expect(browser, `${a.id} and ${b.id}`).toEqual(built);
    }
    expect(pairs.size).toBeGreaterThan(current.length);
  });

  it('hold each line’s own data only: the LCD lines a line applies are files of their own', async () => {
    const mgb = files.get('mgb-medicare-advantage')!;
    expect(JSON.stringify(mgb)).not.toContain('"policyId":"lcd-');
    const asked: string[] = [];
    const loaded = await loadPairFiles('mgb-medicare-advantage', 'cohere-ma', (id) => {
      asked.push(id);
      return Promise.resolve(files.get(id)!);
    });
    expect(asked.sort()).toEqual(
      ['cohere-ma', 'mgb-medicare-advantage', ...appliedLines(mgb.line)].sort(),
    );
    expect(loaded.applied.map((f) => f.line.id).sort()).toEqual(appliedLines(mgb.line).sort());
  });

  it('carry every source the line cites, and name the line when a source is unknown', () => {
    const cohere = current.find((l) => l.id === 'cohere-ma')!;
    const cited = citedSources(cohere);
    expect(cited).toContain(cohere.citation.source);
    expect(Object.keys(files.get('cohere-ma')!.sources).sort()).toEqual(cited);
    expect(() => lineFile(cohere, 'Cohere', infoOf(cohere), () => undefined)).toThrow(
      `line cohere-ma: cites unknown source "${cohere.citation.source}"`,
    );
  });
});

/** Three lines of two payers, as /data/lines.json lists them. */
const index: LineIndex = {
  lines: [
    { id: 'cohere-ma', name: 'Cohere MA v3', payer: 'Cohere Health' },
    { id: 'mgb-commercial', name: 'MGB 097 commercial', payer: 'Mass General Brigham' },
    { id: 'mgb-sco', name: 'MGB 097 SCO', payer: 'Mass General Brigham' },
  ],
};

describe('linesByPayer', () => {
  it('groups the form’s lines under their payers, keeping the index’s order', () => {
    expect(linesByPayer(index).map((g) => [g.payer, g.lines.map((l) => l.id)] as const)).toEqual([
      ['Cohere Health', ['cohere-ma']],
      ['Mass General Brigham', ['mgb-commercial', 'mgb-sco']],
    ]);
  });
});

describe('matchingLines', () => {
  const ids = (found: LineIndex) => found.lines.map((l) => l.id);

  it('matches a line’s name or its payer, in any case, ignoring surrounding spaces', () => {
    expect(ids(matchingLines(index, '  brigham '))).toEqual(['mgb-commercial', 'mgb-sco']);
    expect(ids(matchingLines(index, 'sco'))).toEqual(['mgb-sco']);
    expect(ids(matchingLines(index, 'nothing like it'))).toEqual([]);
  });

  it('lists every line for an empty filter, and always keeps the lines already chosen', () => {
    expect(ids(matchingLines(index, ' '))).toEqual(ids(index));
    expect(ids(matchingLines(index, 'sco', ['cohere-ma']))).toEqual(['cohere-ma', 'mgb-sco']);
  });
});

describe('readPairQuery', () => {
  const index: LineIndex = {
    lines: [
      { id: 'cohere-ma', name: 'Cohere MA v3', payer: 'Cohere Health' },
      { id: 'mgb-sco', name: 'MGB SCO', payer: 'Mass General Brigham' },
    ],
  };

  it('accepts two known, different lines, in the order given', () => {
    expect(readPairQuery('?a=mgb-sco&b=cohere-ma', index)).toEqual({
      ok: true,
      a: 'mgb-sco',
      b: 'cohere-ma',
    });
  });

  it('shows the form without a problem when one or both lines are missing', () => {
    expect(readPairQuery('', index)).toEqual({ ok: false, a: '', b: '', problems: [] });
    expect(readPairQuery('?a=cohere-ma', index)).toEqual({
      ok: false,
      a: 'cohere-ma',
      b: '',
      problems: [],
    });
  });

  it('names each unknown id and which parameter held it', () => {
    const query = readPairQuery('?a=nope&b=cohere-mb', index);
    expect(query.ok).toBe(false);
    expect(!query.ok && query.problems).toEqual([
      { field: 'a', message: 'There is no current policy line “nope” (the first line, a=nope).' },
      {
        field: 'b',
        message: 'There is no current policy line “cohere-mb” (the second line, b=cohere-mb).',
      },
    ]);
  });

  it('refuses the same line twice', () => {
    const query = readPairQuery('?a=cohere-ma&b=cohere-ma', index);
    expect(!query.ok && query.problems).toEqual([
      {
        field: 'pair',
        message: 'Both lines are “cohere-ma”: choose two different policy lines.',
      },
    ]);
  });

  it('reads ids with surrounding spaces as typed by hand', () => {
    expect(readPairQuery('?a=%20cohere-ma%20&b=mgb-sco', index)).toMatchObject({
      ok: true,
      a: 'cohere-ma',
    });
  });
});

describe('pair links', () => {
  it('go to the pre-rendered page when the build made one, else to the browser pair page', () => {
    const pages = new Set([pairPath('cohere-ma', 'mgb-sco')]);
    expect(pairHref('mgb-sco', 'cohere-ma', pages)).toBe('/compare/cohere-ma/mgb-sco/');
    expect(pairHref('uhc-commercial', 'cohere-ma', pages)).toBe(
      '/compare/pair/?a=cohere-ma&b=uhc-commercial',
    );
  });

  it('open the form with one line chosen', () => {
    expect(browserPairPath('cohere-ma')).toBe('/compare/pair/?a=cohere-ma');
  });
});
