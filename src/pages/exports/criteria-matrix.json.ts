/** The criteria matrix as JSON: one object per criterion × policy line, generated from the same matrix as /compare/. */
import type { APIRoute } from 'astro';
import { comparison } from '../../data/comparison.ts';
import { matrixExportRows } from '../../lib/compare/export.ts';

export const GET: APIRoute = async () => {
  const { matrix, content } = await comparison();
  const rows = matrixExportRows(matrix, (id) => content.sourceById.get(id)?.verification);
  const body = {
    description:
      'BVN Atlas criteria matrix: one row per criterion (concept) and policy line, with the rule in words, its status and its citations. Generated from the encoded criteria; see /compare/.',
    columns: [
      'concept',
      'conceptLabel',
      'line',
      'lineName',
      'policy',
      'status',
      'statusLabel',
      'variant',
      'rule',
      'citationSource',
      'locator',
      'verification',
    ],
    rows,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
};
