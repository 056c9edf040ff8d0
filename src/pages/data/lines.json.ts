/**
 * /data/lines.json: every current policy line's id and name, for the browser pair page's form
 * and to check the ids it is given (docs/comparison.md, "The browser pair page").
 */
import type { APIRoute } from 'astro';
import { comparison } from '../../data/comparison.ts';
import type { LineIndex } from '../../lib/compare/pair-query.ts';

export const GET: APIRoute = async () => {
  const { current, names } = await comparison();
  const index: LineIndex = {
    lines: [...current]
      .sort((x, y) => x.id.localeCompare(y.id))
      .map((line) => ({ id: line.id, name: names.get(line.id) ?? line.policyName })),
  };
  return new Response(JSON.stringify(index), {
    headers: { 'Content-Type': 'application/json' },
  });
};
