/** The criteria matrix as CSV: one row per criterion × policy line, generated from the same matrix as /compare/. */
import type { APIRoute } from 'astro';
import { comparison } from '../../data/comparison.ts';
import { evidenceComparison } from '../../data/evidence.ts';
import { matrixExportRows, toCsv } from '../../lib/compare/export.ts';

export const GET: APIRoute = async () => {
  const { matrix, content } = await comparison();
  const evidence = await evidenceComparison();
  const rows = matrixExportRows(
    matrix,
    (id) => content.sourceById.get(id)?.verification,
    evidence.of,
  );
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
