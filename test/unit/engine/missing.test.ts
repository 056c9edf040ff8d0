/** The "documentation to add" checklist: each fact once, alternatives joined with "or". */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../src/lib/engine/evaluate.ts';
import type { EvaluablePolicy } from '../../../src/lib/engine/types.ts';
import { baseline, loadContent } from '../../helpers/content.ts';

let byId: Map<string, EvaluablePolicy>;
beforeAll(async () => ({ byId } = await loadContent()));

describe('documentation to add', () => {
  it('offers a T-score as the alternative to an osteoporosis diagnosis, with "or"', () => {
    const facts = baseline();
    delete facts.osteoporosis;
    delete facts.tScore;
    const result = evaluatePolicy(byId.get('cohere-ma')!, facts, { policies: byId });
    expect(result.outcome).toBe('needs-documentation');
    expect(result.missing).toEqual([
      'Document whether osteoporosis has been diagnosed, or the DEXA T-score.',
    ]);
  });

  it('asks only for the diagnosis where the rule reads no T-score (MGB states no threshold)', () => {
    const facts = baseline();
    delete facts.osteoporosis;
    delete facts.tScore;
    const result = evaluatePolicy(byId.get('mgb-commercial')!, facts, { policies: byId });
    expect(result.missing).toEqual(['Document whether osteoporosis has been diagnosed.']);
  });

  it('does not ask for details of a list item that is already decided', () => {
    // A bulge is decided (not a protrusion or extrusion): its size and level are not asked for.
    const facts = {
      ...baseline(),
      discFindings: [{ kind: 'bulge' }, { kind: 'protrusion', sizeMm: 6, level: 'L4-L5' }],
    } satisfies ReturnType<typeof baseline>;
    const result = evaluatePolicy(byId.get('cohere-ma')!, facts, { policies: byId });
    expect(result.missing).toEqual([
      'Document whether the disc finding correlates with the predominant complaint.',
    ]);
  });
});
