import { beforeAll, describe, expect, it } from 'vitest';
import {
  claimHeading,
  claimWordingNote,
  claimsInDocumentOrder,
  verdictCounts,
} from '../../src/lib/evidence/claims.ts';
import type { Claim } from '../../src/lib/schema/claim.ts';
import type { Source } from '../../src/lib/schema/source.ts';
import { checkContent } from '../helpers/content.ts';

let claims: { id: string; data: Claim }[];
let sources: Map<string, Source>;
beforeAll(async () => {
  const { content } = await checkContent();
  claims = [...content.claims.entries()].map(([id, data]) => ({ id, data }));
  sources = content.sources;
});

describe('the claims audit', () => {
  it.each([
    ['droracle-intracept-necessity', 15],
    ['droracle-64628-m5451', 15],
    ['droracle-what-is-intracept', 8],
  ])('audits the factual claims of %s (at least %i)', (seed, minimum) => {
    expect(claims.filter((c) => c.data.claimant === seed).length).toBeGreaterThanOrEqual(minimum);
  });

  it('locates each claim in the document that makes it', () => {
    for (const c of claims) expect(c.data.claimedAt.source, c.id).toBe(c.data.claimant);
  });

  it('gives every verdict except unverifiable at least one deciding source, and never cites the claimant to decide its own claim', () => {
    for (const c of claims) {
      if (c.data.verdict !== 'unverifiable')
        expect(c.data.decidedBy.length, c.id).toBeGreaterThan(0);
      expect(
        c.data.decidedBy.some((d) => d.source === c.data.claimant),
        c.id,
      ).toBe(false);
    }
  });

  it('judges the "BMJ 2025 strongly recommends BVNA" claims contradicted by the guideline itself', () => {
    const bmj = claims.filter((c) => c.id.endsWith('bmj-strong-for'));
    expect(bmj).toHaveLength(2);
    for (const c of bmj) {
      expect(c.data.verdict).toBe('contradicted');
      expect(c.data.decidedBy.map((d) => d.source)).toContain('busse-2025-bmj');
    }
  });

  it('orders a document’s claims by its own sections', () => {
    const seed = 'droracle-intracept-necessity';
    const ordered = claimsInDocumentOrder(claims, seed, sources.get(seed));
    const sections = sources.get(seed)!.sections!;
    const indices = ordered.map((c) => sections.indexOf(c.data.claimedAt.section!));
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(ordered[0]!.data.claimedAt.section).toBe('Medical Necessity Determination');
  });

  it('counts verdicts so that they add up to the number of claims', () => {
    const counts = verdictCounts(claims);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(claims.length);
    expect(counts.contradicted).toBeGreaterThan(0);
    expect(counts.unverifiable).toBeGreaterThan(0);
  });

  it('shows a claim in the page’s own words in quotation marks, and says so', () => {
    const quoted = claims.find((c) => c.id === 's000-guidelines-oppose-axial-procedures')!;
    expect(quoted.data.wording).toBe('quotation');
    expect(claimHeading(quoted.data)).toMatch(
      /^“Guidelines do not support .*well-selected patients\.”$/,
    );
    expect(claimWordingNote(quoted.data)).toBe('quoted from the page');
    const paraphrase = claims.find((c) => c.id === 's001-axial-not-radicular')!;
    expect(claimHeading(paraphrase.data)).toBe(paraphrase.data.claim);
  });

  it('gives the two halves of the M54.51 sentence their own verdicts', () => {
    const verdict = (id: string) => claims.find((c) => c.id === id)?.data.verdict;
    expect(verdict('s001-m5451-non-specific')).toBe('contradicted');
    expect(verdict('s001-m5451-not-sufficient')).toBe('supported');
  });

  it('settles the verdicts the sources decide (issue 15 audit)', () => {
    const claim = (id: string) => claims.find((c) => c.id === id)!.data;
    expect(claim('s001-cost-effectiveness').verdict).toBe('supported');
    expect(claim('s000-society-endorsements-industry-sponsored').verdict).toBe('contradicted');
    // MGB excludes any radicular pain, not only radicular pain as the main symptom.
    expect(claim('s001-axial-not-radicular').reason).toMatch(/MGB whenever any radicular pain/);
  });
});
