/** The criteria matrix as CSV: one row per criterion × policy line, generated from the same matrix as /compare/. */
import type { APIRoute } from 'astro';
import { evidenceComparison } from '../../data/evidence.ts';
import { toCsv } from '../../lib/compare/export.ts';

export const GET: APIRoute = async () => {
  const rows = (await evidenceComparison()).exportRows();
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
