/**
 * The headers a real host sends (public/_headers, applied by the test server as Netlify or
 * Cloudflare Pages would) as Chromium obeys them: another origin cannot frame the checker, where
 * patient facts are typed. The same framing page, against the site served without the headers,
 * shows the checker, so the test proves the headers are what stops it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { DIST, launchBrowser, startSite } from './harness.ts';

type Site = Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let site: Site;
let bareSite: Site;
const framers: Site[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startSite();
  bareSite = await serveStatic(DIST, { port: 0, headersFile: false });
});
afterAll(async () => {
  await browser?.close();
  for (const s of [site, bareSite, ...framers]) s?.server.close();
});

/** Another origin (another port) whose page frames `target`. */
async function framingSite(target: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bvn-framer-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><title>Framer</title><iframe id="victim" title="framed" src="${target}"></iframe></html>`,
  );
  const framer = await serveStatic(dir, { port: 0 });
  framers.push(framer);
  return framer.url;
}

/** Loads the framing page; says whether the framed document is the checker (its age field), and what the console said. */
async function frame(target: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  try {
    await page.goto(await framingSite(target), { waitUntil: 'load' });
    const child = await (await page.$('#victim'))!.contentFrame();
    const showsChecker = await child
      ?.evaluate(() => document.querySelector('#f-ageYears') !== null)
      .catch(() => false);
    return { showsChecker: showsChecker === true, consoleLines };
  } finally {
    await context.close();
  }
}

describe('the site’s HTTP headers in Chromium', () => {
  it('keep /check/ out of another origin’s frame', async () => {
    const result = await frame(new URL('check/', site.url).href);
    expect(result.showsChecker).toBe(false);
    expect(result.consoleLines.join('\n')).toContain("frame-ancestors 'none'");
  });

  it('are what stops it: without them the same page frames the checker', async () => {
    const result = await frame(new URL('check/', bareSite.url).href);
    expect(result.showsChecker).toBe(true);
  });

  it('reach the browser on every page, as the _headers file says', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(new URL('check/', site.url).href);
    const headers = response!.headers();
    await context.close();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['permissions-policy']).toContain('camera=()');
  });
});
