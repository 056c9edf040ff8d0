/** The MGB 097 version diff: October 2025 → January 2026 added the OneCare and SCO lines and left the criteria alone. */
import { describe, expect, it } from 'vitest';
import { diffVersions, versionPairs, versionPath } from '../../../src/lib/compare/versions.ts';
import { loadContent, vignette } from '../../support/content.ts';

describe('diffVersions', () => {
  it('finds the two encoded MGB 097 versions and what the January 2026 review changed', async () => {
    const { policies, lines } = await loadContent();
    const pairs = versionPairs(policies);
    expect(pairs.map((p) => [p.older.id, p.newer.id])).toEqual([
      ['mgb-097-2025-10', 'mgb-097-2026-01'],
    ]);
    expect(versionPath(pairs[0]!)).toBe('/compare/versions/mgb-097-2025-10/mgb-097-2026-01/');
    const diff = diffVersions(pairs[0]!, {
      all: lines,
      baseline: vignette('V01-baseline'),
      baselineName: 'V01',
    });
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
