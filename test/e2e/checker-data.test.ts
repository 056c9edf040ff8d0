/**
 * What the checker's pages download, in Chromium: while the catalogue is small, /check/ and the
 * packet fetch the one file of every line (/data/checker/lines.json) and no per-line file; a page
 * that names no bundle (as above the threshold) loads the index and one file per line, and shows
 * the same results; and the bundle the site serves joins to the same data as its line files.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeFragment } from '../../src/lib/checker/fragment.ts';
import {
  bundleFile,
  joinCheckerData,
  showAllUpTo,
  unbundle,
  type CheckerBundle,
  type EvidenceFile,
} from '../../src/lib/checker/split.ts';
import { vignette } from '../helpers/content.ts';
import { builtCheckerData, shownOutcomes } from './checker-ui.ts';
import { DIST, useSite } from './harness.ts';

const env = useSite();
const bundlePath = `/data/checker/${bundleFile}`;
const read = <T>(path: string) => JSON.parse(readFileSync(`${DIST}${path}`, 'utf8')) as T;

/** Opens `path` recording the paths of the policy data it fetches; `withoutBundle` strips the page's bundle attribute. */
async function open(path: string, withoutBundle = false) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/data/checker/')) fetched.push(url.pathname);
  });
  if (withoutBundle)
    await page.route(
      (url) => url.pathname === new URL(path, env.site.url).pathname,
      async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        expect(html).toContain(` data-bundle="${bundleFile}"`);
        await route.fulfill({ response, body: html.replace(` data-bundle="${bundleFile}"`, '') });
      },
    );
  await page.goto(new URL(path, env.site.url).href);
  return { context, page, fetched };
}

const cardCount = (page: Page) =>
  page.locator('.result-list:not([data-evidence-list]) > [data-line][data-outcome]').count();

describe('the policy data a visit downloads at today’s size', () => {
  const lines = read<CheckerBundle>(bundlePath).lines.length;

  it('is one file on /check/: the bundle, neither the index nor any line’s own file', async () => {
    expect(lines).toBeLessThanOrEqual(showAllUpTo);
    const { context, page, fetched } = await open('/check/');
    await expect.poll(() => cardCount(page)).toBe(lines);
    expect(fetched).toEqual([bundlePath]);
    await context.close();
  });

  it('is the same one file on the packet page, whichever line it shows', async () => {
    const fragment = encodeFragment(vignette('V01-baseline'), { line: 'mgb-commercial' });
    const { context, page, fetched } = await open(`/check/packet/#${fragment}`);
    await page.waitForSelector('.packet table');
    await page.selectOption('[data-line-select]', 'cohere-ma');
    await expect.poll(() => page.textContent('#packet-title')).toMatch(/Cohere/);
    expect(fetched.filter((p) => p !== '/data/checker/evidence.json')).toEqual([bundlePath]);
    await context.close();
  });

  it('is the index and one file per line when the page names no bundle, with the same results', async () => {
    const facts = vignette('V06-no-behavioral-health-assessment');
    const path = `/check/#${encodeFragment(facts)}`;
    const bundled = await open(path);
    const perLine = await open(path, true);
    await expect.poll(() => cardCount(perLine.page)).toBe(lines);
    await expect.poll(() => cardCount(bundled.page)).toBe(lines);
    expect(perLine.fetched[0]).toBe('/data/checker/index.json');
    expect(perLine.fetched.filter((p) => p.startsWith('/data/checker/lines/'))).toHaveLength(lines);
    expect(perLine.fetched).not.toContain(bundlePath);
    expect(await shownOutcomes(perLine.page)).toEqual(await shownOutcomes(bundled.page));
    await bundled.context.close();
    await perLine.context.close();
  });

  it('joins, as the site serves it, to the same checker data as the line files', () => {
    const { index, lines: files } = unbundle(read<CheckerBundle>(bundlePath));
    expect(
      joinCheckerData(index, files, read<EvidenceFile>('/data/checker/evidence.json')),
    ).toEqual(builtCheckerData());
  });
});
