/**
 * The built evidence pages against the content files: every number shown on a study page (and in
 * the side-by-side table and the evidence summary) equals its entry; no figure appears that the
 * entry and its sources do not contain; each chart draws one mark per data row and carries a
 * <title> and <desc>; the claims pages cover every claim entry with the right verdict counts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readAllContent } from '../../src/loaders/content-files.ts';
import { validateContent, type ValidContent } from '../../src/lib/content/validate.ts';
import { chartReferences } from '../../src/lib/schema/chart.ts';
import { formatReportedNumber } from '../../src/lib/evidence/numbers.ts';
import { studyNumbers } from '../../src/lib/evidence/study-numbers.ts';
import {
  claimHeading,
  claimantsInOrder,
  verdictCounts,
  verdicts,
} from '../../src/lib/evidence/claims.ts';
import type { ReportedNumber } from '../../src/lib/schema/study.ts';
import { DIST, useSite } from './harness.ts';

// Read at load time: the chart expectations below are computed from the content while the suite is collected.
const validated = validateContent(await readAllContent(process.cwd()));
if (validated.errors.length)
  throw new Error(`content has errors: ${validated.errors.map((e) => e.message).join('; ')}`);
const content: ValidContent = validated.content;

const env = useSite();

async function open(path: string): Promise<Page> {
  const page = await env.browser.newPage();
  const response = await page.goto(new URL(path, env.site.url).href);
  expect(response?.ok(), `${path} should exist`).toBe(true);
  return page;
}

interface Shown {
  path: string;
  value: string;
  text: string;
}
const shownNumbers = (page: Page) =>
  page.$$eval('main [data-number]', (els) =>
    els.map((e) => ({
      path: (e as HTMLElement).dataset.number!,
      value: (e as HTMLElement).dataset.value!,
      text: e.textContent.trim(),
    })),
  );

const expectedText = (n: ReportedNumber) =>
  n.value === null && n.range === undefined ? 'unknown' : formatReportedNumber(n);
const expectedValue = (n: ReportedNumber) => (n.value === null ? 'unknown' : String(n.value));

/** Every number-like token ("20.5", "2018") in a text, as a number: "1.10" and "1.1" are one figure. */
const tokens = (text: string) =>
  new Set((text.match(/\d+(?:\.\d+)?/g) ?? []).map((t) => String(Number(t))));

/** A study's number at a `study/outcome` or `study/arm-<id>` path. */
function numberAt(path: string): ReportedNumber {
  const [studyId, rest] = path.split('/') as [string, string];
  const study = content.studies.get(studyId);
  if (!study) throw new Error(`no study ${studyId}`);
  if (rest.startsWith('arm-')) return study.arms.find((a) => a.id === rest.slice('arm-'.length))!.n;
  return study.outcomes.find((o) => o.id === rest)!.result;
}

describe('study pages', () => {
  it('show every number of the entry (arms, outcomes, flow, harms), each equal to the content file', async () => {
    for (const [id, study] of content.studies) {
      const page = await open(`/studies/${id}/`);
      const shown = await shownNumbers(page);
      await page.close();
      const expected = studyNumbers(study).map(({ path, number }) => ({ path, n: number }));
      expect(shown.map((s) => s.path).sort(), id).toEqual(expected.map((e) => e.path).sort());
      for (const { path, n } of expected) {
        const s = shown.find((x) => x.path === path)!;
        expect(s.value, `${id} ${path}`).toBe(expectedValue(n));
        expect(s.text, `${id} ${path}`).toBe(expectedText(n));
      }
    }
  });

  it('contain no figure that the entry, its sources and its linked studies do not contain', async () => {
    for (const [id, study] of content.studies) {
      const cited = new Set<string>([study.source, ...study.relatedSources]);
      JSON.stringify(study, (key, value: unknown) =>
        key === 'source' && typeof value === 'string' ? (cited.add(value), value) : value,
      );
      const linked = [...content.studies.entries()]
        .filter(([other, s]) => other === study.parent || s.parent === id)
        .map(([, s]) => s.title);
      const allowed = tokens(
        JSON.stringify([study, [...cited].map((c) => content.sources.get(c)), linked]),
      );
      const page = await open(`/studies/${id}/`);
      // "95% CI" is the formatter's label for every interval, not a figure of the study.
      const text = (await page.$eval('main', (m) => m.innerText)).replace(/95% CI/g, '');
      await page.close();
      const stray = [...tokens(text)].filter((t) => !allowed.has(t));
      expect(stray, `${id}: figures on the page that its entry does not hold`).toEqual([]);
    }
  });
});

describe('numbers outside the study pages', () => {
  it.each(['/studies/', '/evidence/'])(
    '%s shows each study number exactly as its entry holds it',
    async (path) => {
      const page = await open(path);
      const shown = (await shownNumbers(page)).filter((s: Shown) => s.path.includes('/'));
      await page.close();
      expect(shown.length).toBeGreaterThan(10);
      for (const s of shown) {
        const n = numberAt(s.path);
        expect(s.value, `${path} ${s.path}`).toBe(expectedValue(n));
        expect(s.text, `${path} ${s.path}`).toBe(expectedText(n));
      }
    },
  );
});

describe('charts', () => {
  // One mark and one table row per outcome row a chart names; forests also count their intervals.
  const expected: Record<string, { points: number; rows: number; intervals?: number }> = {};
  for (const [id, chart] of content.charts) {
    const rows = chartReferences(chart).map(
      ({ ref }) =>
        content.studies.get(ref.study)!.outcomes.find((o) => o.id === ref.outcome)!.result,
    );
    expected[id] = {
      points: rows.filter((r) => r.value !== null).length,
      rows: rows.length,
      ...(chart.kind === 'forest' && { intervals: rows.filter((r) => r.ci95).length }),
    };
  }

  it.each(Object.keys(expected))(
    '%s on /studies/ draws one mark per data row, with <title>, <desc>, summary and data table',
    async (id) => {
      const page = await open('/studies/');
      const figure = page.locator(`figure#${id}`);
      expect(await figure.count()).toBe(1);
      // The wide drawing (shown at this width); the narrow one is checked below.
      const svg = figure.locator('svg.chart-svg.chart-wide');
      expect((await svg.locator(':scope > title').textContent())!.trim().length).toBeGreaterThan(
        10,
      );
      expect((await svg.locator(':scope > desc').textContent())!.trim().length).toBeGreaterThan(40);
      expect(await svg.getAttribute('role')).toBe('img');
      expect(await svg.locator('[data-mark="point"]').count()).toBe(expected[id]!.points);
      if (expected[id]!.intervals !== undefined)
        expect(await svg.locator('[data-mark="interval"]').count()).toBe(expected[id]!.intervals);
      expect(await figure.locator('table [data-chart-row]').count()).toBe(expected[id]!.rows);
      expect(await figure.locator('table caption').count()).toBe(1);
      expect((await figure.locator('figcaption').textContent())!.length).toBeGreaterThan(40);
      // Every plotted value is a value in the data table.
      const plotted = await svg
        .locator('[data-mark="point"]')
        .evaluateAll((els) => els.map((e) => (e as SVGElement).dataset.value));
      const tabled = await figure
        .locator('table [data-value]')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.value));
      expect(plotted.sort()).toEqual(tabled.filter((v) => v !== 'unknown').sort());
      // The narrow drawing plots the same values.
      const narrow = await figure
        .locator('svg.chart-narrow [data-mark="point"]')
        .evaluateAll((els) => els.map((e) => (e as SVGElement).dataset.value));
      expect(narrow.sort()).toEqual(plotted.sort());
      await page.close();
    },
  );

  it('the evidence summary embeds the comparator and pooled-estimate charts', async () => {
    const page = await open('/evidence/');
    for (const id of ['between-arm-odi', 'pooled-relative-risk', 'pooled-proportions'])
      expect(await page.locator(`figure#${id} svg.chart-wide > title`).count(), id).toBe(1);
    await page.close();
  });
});

describe('claims pages', () => {
  it('give every claim entry its own page and a row on its document’s audit page', async () => {
    const claims = [...content.claims.entries()].map(([id, data]) => ({ id, data }));
    for (const claimant of claimantsInOrder(claims, content.sources)) {
      const page = await open(`/claims/document/${claimant}/`);
      const rows = await page.$$eval('[data-claim]', (els) =>
        els.map((e) => [
          (e as HTMLElement).dataset.claim!,
          e.querySelector('[data-verdict]')!.getAttribute('data-verdict')!,
        ]),
      );
      await page.close();
      const mine = claims.filter((c) => c.data.claimant === claimant);
      expect(rows.map(([id]) => id).sort(), claimant).toEqual(mine.map((c) => c.id).sort());
      for (const [id, verdict] of rows) expect(verdict, id).toBe(content.claims.get(id!)!.verdict);
    }
    // One page per claim: read the built files directly (a browser per page adds nothing here).
    const decode = (html: string) =>
      html
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    for (const { id } of claims) {
      const file = join(DIST, 'claims', id, 'index.html');
      expect(existsSync(file), file).toBe(true);
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(readFileSync(file, 'utf8'))?.[1];
      // A claim quoted from its page is headed in quotation marks (issue 15); a paraphrase is not.
      expect(decode(h1 ?? ''), id).toBe(claimHeading(content.claims.get(id)!));
    }
  });

  it('count claims by verdict on the overview exactly as the entries do', async () => {
    const claims = [...content.claims.entries()].map(([id, data]) => ({ id, data }));
    const page = await open('/claims/');
    for (const claimant of [...claimantsInOrder(claims, content.sources), 'all']) {
      const mine = claimant === 'all' ? claims : claims.filter((c) => c.data.claimant === claimant);
      const counts = verdictCounts(mine);
      for (const v of verdicts)
        expect(
          await page.locator(`[data-claimant="${claimant}"] [data-count="${v}"]`).textContent(),
          `${claimant} ${v}`,
        ).toBe(String(counts[v]));
      expect(
        await page.locator(`[data-claimant="${claimant}"] [data-count="total"]`).textContent(),
      ).toBe(String(mine.length));
    }
    await page.close();
  });
});

describe('guideline positions page', () => {
  it('lists every guideline entry with its stance', async () => {
    const page = await open('/guidelines/');
    for (const [id, g] of content.guidelines)
      expect(await page.locator(`tr[data-guideline="${id}"]`).getAttribute('data-stance'), id).toBe(
        g.stance,
      );
    await page.close();
  });
});
