/**
 * Version diffs: the real MGB 097 pair (October 2025 → January 2026 added the OneCare and SCO
 * lines and left the criteria alone), and a made-up pair whose criteria really change
 * (test/fixtures/version-diff), so that changed rules and changed positions are seen reported.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../../src/loaders/content-files.ts';
import { validateContent } from '../../../src/lib/content/validate.ts';
import { compilePolicies } from '../../../src/lib/engine/compile.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import {
  diffVersions,
  versionPairs,
  versionPath,
  type VersionDiff,
} from '../../../src/lib/compare/versions.ts';
import { baseline, checkContent, loadContent, root } from '../../helpers/content.ts';

describe('diffVersions on MGB 097', () => {
  it('finds the two encoded MGB 097 versions and what the January 2026 review changed', async () => {
    const { policies, lines } = await loadContent();
    const pairs = versionPairs(policies);
    expect(pairs.map((p) => [p.older.id, p.newer.id])).toEqual([
      ['mgb-097-2025-10', 'mgb-097-2026-01'],
    ]);
    expect(versionPath(pairs[0]!)).toBe('/compare/versions/mgb-097-2025-10/mgb-097-2026-01/');
    const diff = diffVersions(pairs[0]!, { all: lines, baseline: baseline(), baselineName: 'V01' });
    expect(diff.added.map((l) => l.id)).toEqual(['mgb-onecare', 'mgb-sco']);
    expect(diff.removed).toEqual([]);
    expect(diff.common.map((c) => c.line)).toEqual([
      'mgb-commercial',
      'mgb-masshealth',
      'mgb-medicare-advantage',
    ]);
    for (const c of diff.common) {
      expect(c.changes).toEqual([]);
      expect(c.diff.counts.differs + c.diff.counts['only-a'] + c.diff.counts['only-b']).toBe(0);
    }
    expect(diff.summary[1]).toBe('The criteria of the 3 lines in both versions are unchanged.');
    expect(diff.newRevisions.map((r) => r.version)).toEqual(['January 2026']);
  });
});

describe('diffVersions on two versions whose criteria change', () => {
  let diff: VersionDiff;
  beforeAll(async () => {
    const { files } = await checkContent();
    const fixtures = (await readContentFolder(root, 'test/fixtures/version-diff')).map((f) => ({
      ...f,
      collection: 'policies',
    }));
    const { errors, content } = validateContent([...files, ...fixtures]);
    expect(errors).toEqual([]);
    const lines: EvaluablePolicy[] = compilePolicies(
      [...content.policies].map(([id, data]) => ({ id, data })),
    );
    const policies = [...content.policies].map(([id, data]) => ({ id, data }));
    const pair = versionPairs(policies).find((p) => p.newer.id === 'example-2025')!;
    expect(pair.older.id).toBe('example-2024');
    diff = diffVersions(pair, { all: lines, baseline: baseline(), baselineName: 'V01' });
  });

  it('lists the line added and keeps the lines in both versions', () => {
    expect(diff.added.map((l) => l.id)).toEqual(['example-medicaid']);
    expect(diff.removed).toEqual([]);
    expect(diff.common.map((c) => c.line)).toEqual(['example-commercial', 'example-medicare']);
  });

  it('reports a changed threshold, a dropped rule and a new exclusion, concept by concept', () => {
    const commercial = diff.common.find((c) => c.line === 'example-commercial')!;
    const status = Object.fromEntries(
      commercial.diff.concepts.map((c) => [c.concept.id, c.status]),
    );
    expect(status).toMatchObject({
      'pain-duration': 'differs',
      'minimum-age': 'only-a',
      bmi: 'only-b',
    });
    const pain = commercial.diff.concepts.find((c) => c.concept.id === 'pain-duration')!;
    expect(pain.differences).toEqual([
      'Duration of low back pain: Example 2024, Commercial requires ≥ 6 months; Example 2025, Commercial requires ≥ 3 months.',
    ]);
    expect(pain.witnesses.length).toBeGreaterThan(0);
    expect(commercial.changes).toEqual([]);
  });

  it('states a change of position outside the criteria, and says which criteria changed', () => {
    const medicare = diff.common.find((c) => c.line === 'example-medicare')!;
    expect(medicare.changes).toEqual([
      'example-medicare: position changed from “Experimental or investigational” to “Covered with criteria”.',
    ]);
    expect(diff.summary[1]).toBe(
      'The criteria changed for 1 of the 2 lines in both versions: example-commercial.',
    );
    expect(diff.summary[2]).toBe(medicare.changes[0]);
    expect(diff.newRevisions.map((r) => r.version)).toEqual(['2025']);
  });
});
