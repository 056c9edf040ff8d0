/** The criteria matrix as a wide CSV: one row per criterion, one column per policy line, as /compare/ shows it. */
import type { APIRoute } from 'astro';
import { comparison } from '../../data/comparison.ts';
import { toWideCsv } from '../../lib/compare/export.ts';

export const GET: APIRoute = async () => {
  const { matrix, content } = await comparison();
  const csv = toWideCsv(matrix, (id) => content.sourceById.get(id)?.verification);
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
