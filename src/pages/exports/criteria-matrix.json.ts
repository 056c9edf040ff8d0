/** The criteria matrix as JSON: one object per criterion × policy line, generated from the same matrix as /compare/. */
import type { APIRoute } from 'astro';
import { evidenceComparison } from '../../data/evidence.ts';
import { exportColumns } from '../../lib/compare/export.ts';

export const GET: APIRoute = async () => {
  const rows = (await evidenceComparison()).exportRows();
  const body = {
    description:
      'BVN Atlas criteria matrix: one row per criterion (concept) and policy line, with the rule in words, its status, its citations and its provenance against the trials’ and guidelines’ criteria read (computed; see /compare/evidence/). Generated from the encoded criteria; see /compare/.',
    columns: exportColumns,
    rows,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
};
