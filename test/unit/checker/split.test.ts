/**
 * The checker's data split by line (src/lib/checker/split.ts): each line's file, with the LCDs
 * it defers to, gives exactly what the whole catalogue gives; and at 3,000 generated lines what
 * a member downloads stays bounded by the lines that apply to them.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleTemplates, syntheticPolicies } from '../../../scripts/lib/synthetic-policies.ts';
import { buildAppealData, type AppealSource } from '../../../src/lib/appeal/guide.ts';
import { buildLetter, isMedicareAdvantage } from '../../../src/lib/appeal/letter.ts';
import { buildCheckerData, type CheckerData } from '../../../src/lib/checker/data.ts';
import { resultPlan } from '../../../src/lib/checker/member.ts';
import { buildPacket } from '../../../src/lib/checker/packet.ts';
import {
  joinCheckerData,
  showAllUpTo,
  splitCheckerData,
  unbundle,
  withRequired,
  type SplitCheckerData,
} from '../../../src/lib/checker/split.ts';
import { compilePolicies } from '../../../src/lib/engine/compile.ts';
import { verificationLabel } from '../../../src/lib/schema/common.ts';
import { checkerData, loadContent, vignettes } from '../../helpers/content.ts';

let data: CheckerData;
let split: SplitCheckerData;
let guide: Record<string, AppealSource>;
beforeAll(async () => {
  data = await checkerData();
  split = splitCheckerData(data);
  const { content } = await loadContent();
  guide = buildAppealData(content.sources, (id) => `AMA text of ${id}`).sources;
});

/**
 * What the packet and letter pages load for `line`: its file, its LCDs, and for Medicare
 * Advantage every LCD (from the line files of `s`, or those given back by the bundle).
 */
function pageData(s: SplitCheckerData, line: string, files = s.lines): CheckerData {
  const entry = s.index.lines.find((l) => l.id === line)!;
  const extra = isMedicareAdvantage(entry) ? s.index.lcdCandidates.map((c) => c.id) : [];
  const wanted = new Set(withRequired(s.index, [line, ...extra]));
  const loaded = s.index.lines.filter((l) => wanted.has(l.id)).map((l) => files.get(l.id)!);
  return joinCheckerData(s.index, loaded, s.evidence);
}

/** The bundle as a page receives it (through JSON), given back as the index and line files. */
const served = () =>
  unbundle(JSON.parse(JSON.stringify(split.bundle)) as NonNullable<typeof split.bundle>);

const gz = (value: unknown) => gzipSync(JSON.stringify(value)).length;

describe('the checker data split by line', () => {
  it('has one file per current line and an index entry for each, in catalogue order', () => {
    expect(split.index.lines.map((l) => l.id)).toEqual(data.lines.map((l) => l.id));
    expect([...split.lines.keys()]).toEqual(data.lines.map((l) => l.id));
    expect(split.index.lines.find((l) => l.id === 'cohere-ma')?.payer.name).toBeTruthy();
  });

  it('gives every line’s packet and letter from its own file, or from the bundle, as from every line, for every vignette', () => {
    const bundled = new Map(served().lines.map((f) => [f.line.id, f]));
    let checked = 0;
    for (const line of data.lines) {
      for (const [how, own] of [
        ['own file', pageData(split, line.id)],
        ['bundle', pageData(split, line.id, bundled)],
      ] as const) {
        expect(own.lines.length).toBeLessThan(data.lines.length);
        for (const v of vignettes()) {
          const what = `${line.id} ${v.id} from the ${how}`;
          expect(buildPacket(own, line.id, v.facts), what).toEqual(
            buildPacket(data, line.id, v.facts),
          );
          expect(buildLetter(own, guide, line.id, v.facts, {}, 'today'), what).toEqual(
            buildLetter(data, guide, line.id, v.facts, {}, 'today'),
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('puts in each line’s file only the sources that line and its criteria’s provenance cite', () => {
    const all = Object.keys(data.sources).length;
    for (const [id, file] of split.lines) {
      expect(Object.keys(file.sources).length, id).toBeLessThan(all);
      expect(file.sources[file.line.citation.source], id).toBeDefined();
    }
  });
});

describe('the bundle of every line, while the catalogue is small', () => {
  it('gives back the index and every line’s file, in catalogue order, with every line’s sources', () => {
    expect(data.lines.length).toBeLessThanOrEqual(showAllUpTo);
    const { index, lines } = served();
    expect(index).toEqual(split.index);
    expect(lines.map((f) => f.line.id)).toEqual([...split.lines.keys()]);
    const perLine = [...split.lines.values()];
    const all = Object.assign({}, ...perLine.map((f) => f.sources)) as object;
    for (const [i, { sources, ...file }] of lines.entries()) {
      const { sources: own, ...expected } = perLine[i]!;
      expect(file, expected.line.id).toEqual(expected);
      expect(sources, expected.line.id).toMatchObject(own);
      expect(sources).toEqual(all);
    }
  });

  it('joins to the same checker data as the per-line files', () => {
    const { index, lines } = served();
    const perLine = joinCheckerData(split.index, [...split.lines.values()], split.evidence);
    expect(joinCheckerData(index, lines, split.evidence)).toEqual(perLine);
    expect(perLine).toEqual(data);
  });

  it('stores each criteria tree, provenance, policy and source once, and hands shared trees back as one object', () => {
    const bundle = split.bundle!;
    const lcds = ['lcd-l39420', 'lcd-l39642', 'lcd-l39644'];
    const places = lcds.map((id) => bundle.lines.find((l) => l.line.id === id)?.criteria);
    expect(places[0]).toBeTypeOf('number');
    expect(new Set(places).size).toBe(1);
    const distinct = new Set(data.lines.map((l) => JSON.stringify(l.criteria ?? null)));
    distinct.delete('null');
    expect(bundle.criteria).toHaveLength(distinct.size);
    expect(new Set(bundle.provenance.map((p) => JSON.stringify(p))).size).toBe(
      bundle.provenance.length,
    );
    const { lines } = served();
    const tree = (id: string) => lines.find((f) => f.line.id === id)!.line.criteria;
    expect(tree('lcd-l39642')).toBe(tree('lcd-l39420'));
    expect(tree('lcd-l39644')).toBe(tree('lcd-l39420'));
  });

  it('weighs less gzipped than the line files it replaces', () => {
    const files = [...split.lines.values()];
    expect(gz(split.bundle)).toBeLessThan(files.reduce((sum, f) => sum + gz(f), 0) / 2);
  });
});

describe('the checker data at 3,000 generated policy lines', () => {
  /** The split data for `count` generated policies from `payers` synthetic payers, plus today's content. */
  async function catalogue(count: number, payers: number): Promise<SplitCheckerData> {
    const { content, current } = await loadContent();
    const payerIds = Array.from({ length: payers }, (_, i) => `synthetic-payer-${i}`);
    const generated = syntheticPolicies({
      count,
      templates: ruleTemplates(
        [...content.policies.values()].filter((p) => p.status === 'current'),
      ),
      payerIds,
    });
    const lines = compilePolicies([...generated].map(([id, policy]) => ({ id, data: policy })));
    const policies = Object.fromEntries(
      [...generated].map(([id, p]) => [
        id,
        {
          title: p.title,
          version: p.version,
          payer: { name: `Synthetic payer ${p.payer}`, shortName: p.payer, kind: 'health-plan' },
        },
      ]),
    ) as CheckerData['policies'];
    return splitCheckerData(
      buildCheckerData({
        ...data,
        lines: [...current, ...lines],
        policies: { ...data.policies, ...policies },
        sources: [...content.sources].map(([id, d]) => ({ id, data: d })),
        guidelines: [],
        studies: [],
        stanceLabel: {},
        verificationLabels: verificationLabel,
        ama: (id) => `AMA text of ${id}`,
        csl: (id) => ({ id, title: `CSL record of ${id}` }),
      }),
    );
  }

  it('keeps each line’s file, and the files a member of one plan loads, the same size as at 100 lines', async () => {
    const small = await catalogue(100, 40);
    const large = await catalogue(3000, 1200);
    expect(large.index.lines.length).toBeGreaterThanOrEqual(3000);
    // Above the threshold no bundle is built: pages load per line.
    expect(small.index.lines.length).toBeGreaterThan(showAllUpTo);
    expect(small.bundle).toBeUndefined();
    expect(large.bundle).toBeUndefined();
    const largest = (s: SplitCheckerData) => Math.max(...[...s.lines.values()].map(gz));
    // A line's file holds that line and what it cites: it does not grow with the catalogue.
    expect(largest(large)).toBeLessThanOrEqual(largest(small));

    // A member of one plan: the index, then only the plan's lines for their coverage.
    const payer = large.index.lines.at(-1)!.payer;
    const product = large.index.lines.at(-1)!.productLines[0]!;
    const plan = resultPlan(large.index.lines, { healthPlan: payer.name, productLine: product });
    expect(plan.main.length).toBeGreaterThan(0);
    expect(plan.main.length).toBeLessThanOrEqual(showAllUpTo);
    const loaded = withRequired(large.index, plan.main).map((id) => large.lines.get(id)!);
    const lineBytes = loaded.reduce((sum, f) => sum + gz(f), 0);
    expect(lineBytes).toBeLessThanOrEqual(loaded.length * largest(small));

    // The index is the one part that grows with the catalogue: a short entry per line.
    const perLine = gz(large.index) / large.index.lines.length;
    expect(perLine).toBeLessThan(60);
    console.log(
      `checker data at ${large.index.lines.length} lines: index ${(gz(large.index) / 1024).toFixed(1)} KB gzipped (${perLine.toFixed(0)} B a line); largest line file ${(largest(large) / 1024).toFixed(1)} KB; a member of ${payer.name} (${product}) loads ${loaded.length} line files, ${(lineBytes / 1024).toFixed(1)} KB`,
    );
  });
});
