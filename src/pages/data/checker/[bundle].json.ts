/**
 * /data/checker/lines.json: every current policy line in one file (`CheckerBundle` in
 * src/lib/checker/split.ts), which the checker, the packet and the letter load instead of the
 * index and the line files while the catalogue is small enough for every page to show every
 * line. A route with a parameter, so that above that size it builds no file at all.
 * @builds-only-below-scale: above showAllUpTo (60) lines each page loads only the lines that apply.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bundleFile, type CheckerBundle } from '../../../lib/checker/split.ts';
import { checkerFiles } from '../../../data/checker.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { bundle } = await checkerFiles();
  return bundle
    ? [{ params: { bundle: bundleFile.replace(/\.json$/, '') }, props: { bundle } }]
    : [];
};

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { bundle: CheckerBundle }).bundle), {
    headers: { 'Content-Type': 'application/json' },
  });
