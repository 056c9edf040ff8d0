/**
 * Reading on a phone and on paper (issue 12). At 375 px wide: no built page is wider than the
 * screen except inside labelled scroll regions that say they scroll, chart text renders at 11 CSS
 * px or more, and the key numbers of study tables and the policy and guideline lists are visible
 * without scrolling sideways. Printed to PDF by Chromium: the criteria matrix and a view come out
 * as handouts whose every column label is whole. The figures are printed for
 * docs/reading-on-phone-and-paper.md.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlPages } from '../../scripts/lib/dist-files.ts';
import { outputsByRoute, routeTemplates, withOutput } from '../../scripts/lib/routes.ts';
import { DIST, useSite } from './harness.ts';
import { pdfText } from './pdf-text.ts';

const env = useSite();
const phone = { width: 375, height: 740 };

async function withPage<T>(
  path: string,
  task: (page: Page) => Promise<T>,
  viewport = phone,
): Promise<T> {
  const context = await env.browser.newContext({ viewport });
  const page = await context.newPage();
  try {
    await page.goto(new URL(path, env.site.url).href, { waitUntil: 'load' });
    return await task(page);
  } finally {
    await context.close();
  }
}

/** Waits two frames: scroll-state container queries (the scroll hints) apply after a frame is drawn. */
function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

interface WidthReport {
  path: string;
  /** The document's scroll width in CSS px. */
  width: number;
  /** The outermost elements sticking out of the viewport, outside any scroll region. */
  culprits: string[];
  /** Scroll regions that scroll at this width but are unlabelled, unfocusable or say nothing. */
  silentScrollers: string[];
}

/** How wide the page is at the current viewport, and what makes it so. */
function measureWidth(page: Page, path: string): Promise<WidthReport> {
  return page.evaluate((path) => {
    const limit = window.innerWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
        el.classList.length ? `.${[...el.classList].join('.')}` : ''
      } (right edge ${Math.round(el.getBoundingClientRect().right)} px)`;
    const scrolls = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX);
    const width = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    const walk = (el: Element) => {
      if (el !== document.documentElement && el !== document.body && scrolls(el)) return;
      const rect = el.getBoundingClientRect();
      if (rect.right > limit + 1 && rect.width > 0 && getComputedStyle(el).position !== 'fixed') {
        // Report the deepest element that still overflows by itself, not all its ancestors.
        const children = [...el.children].filter(
          (c) => c.getBoundingClientRect().right > limit + 1,
        );
        if (children.length === 0) culprits.push(describe(el));
        children.forEach(walk);
        return;
      }
      [...el.children].forEach(walk);
    };
    if (width > limit) walk(document.body);
    const silentScrollers = [...document.querySelectorAll('body *')]
      // Regions inside a closed <details> are not on screen until opened (and then say so).
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && scrolls(el) && el.checkVisibility())
      .filter((el) => {
        const named = el.hasAttribute('aria-labelledby') || el.hasAttribute('aria-label');
        const focusable = el.getAttribute('tabindex') === '0';
        const hint = el.querySelector('.scroll-hint');
        const says = hint !== null && hint.getBoundingClientRect().height > 0;
        return !(named && focusable && says);
      })
      .map(describe);
    return {
      path,
      width,
      culprits: culprits.slice(0, 5),
      silentScrollers,
    };
  }, path);
}

/**
 * Rendered size of every text in the visible evidence charts, in CSS px: the font size in SVG
 * units times the SVG's scale on screen.
 */
function chartTextSizes(page: Page): Promise<{ chart: string; text: string; px: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('svg.chart-svg text')]
      .filter((t) => t.getBoundingClientRect().width > 0)
      .map((t) => ({
        chart: t.closest('[data-chart]')?.getAttribute('data-chart') ?? '?',
        text: t.textContent ?? '',
        px: (() => {
          // The scale of the SVG on screen, whatever the rotation of the text.
          const m = t.getScreenCTM();
          const scale = m ? Math.hypot(m.a, m.b) : 1;
          return Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 100) / 100;
        })(),
      })),
  );
}

// Every built page, grouped by the route template that makes it: one test per template (its own
// time limit, as in site.test.ts), each loading its pages in one tab; figures summed at the end.
const built = existsSync(DIST) ? htmlPages(DIST) : [];
// A template that builds pages only at scale (its file says why) is visited when it built some.
const templates = withOutput(
  routeTemplates().filter((t) => t.kind === 'page'),
  built,
);
const pagesByTemplate = [...outputsByRoute(templates, built)]
  .filter(([, pages]) => pages.length > 0)
  .map(
    ([t, pages]) =>
      [`${t.route} (${pages.length} page${pages.length === 1 ? '' : 's'})`, pages] as const,
  );
const widthReports: WidthReport[] = [];

describe('at 375 px wide', () => {
  afterAll(() => {
    if (widthReports.length === 0) return;
    const wide = widthReports.filter((r) => r.width > phone.width);
    const silent = widthReports.filter((r) => r.silentScrollers.length > 0);
    console.log(
      `[phone] ${widthReports.length} pages at ${phone.width} px: ${wide.length} wider than the screen${
        wide.length ? ` (widest ${Math.max(...wide.map((r) => r.width))} px)` : ''
      }; ${silent.length} with a scroll region that is unlabelled or gives no visible cue`,
    );
  });

  it('covers every page the build made', () => {
    expect(pagesByTemplate.flatMap(([, pages]) => pages).sort()).toEqual([...built].sort());
  });

  it.concurrent.each(pagesByTemplate)(
    '%s: no page wider than the screen; every region that scrolls is labelled and says so',
    async (_, pages) => {
      const context = await env.browser.newContext({ viewport: phone });
      const page = await context.newPage();
      const reports: WidthReport[] = [];
      try {
        for (const path of pages) {
          await page.goto(new URL(path, env.site.url).href, { waitUntil: 'load' });
          await nextFrames(page);
          reports.push(await measureWidth(page, path));
        }
      } finally {
        await context.close();
      }
      widthReports.push(...reports);
      expect(
        reports
          .filter((r) => r.width > phone.width)
          .map((r) => `${r.path}: ${r.width} px; ${r.culprits.join('; ')}`),
      ).toEqual([]);
      expect(
        reports
          .filter((r) => r.silentScrollers.length > 0)
          .map((r) => `${r.path}: ${r.silentScrollers.join('; ')}`),
      ).toEqual([]);
    },
  );

  it.each([
    '/studies/smart-2018/',
    '/studies/intracept-2021-12-month/',
    '/policies/',
    '/guidelines/',
  ])('on %s, shows each row’s key number or position without scrolling sideways', async (path) => {
    const { cells, scrolling } = await withPage(path, (page) =>
      page.evaluate(() => {
        const keys = [...document.querySelectorAll('table.stack .key-number')];
        return {
          cells: keys.map((c) => ({
            text: (c.textContent ?? '').trim().slice(0, 30),
            left: c.getBoundingClientRect().left,
            right: c.getBoundingClientRect().right,
          })),
          scrolling: [...document.querySelectorAll('.table-scroll:has(> table.stack)')].filter(
            (r) => r.scrollWidth > r.clientWidth + 1,
          ).length,
        };
      }),
    );
    expect(cells.length).toBeGreaterThan(2);
    expect(scrolling).toBe(0);
    expect(cells.filter((c) => c.left < 0 || c.right > phone.width).map((c) => c.text)).toEqual([]);
  });

  it.each(['/policies/cohere-ma-v3/', '/check/'])(
    'on %s, scrolls each element reached with Tab fully into view, uncovered by anything pinned',
    async (path) => {
      const hidden = await withPage(path, async (page) => {
        const out: string[] = [];
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          const problem = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const r = el.getBoundingClientRect();
            const what = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
            if (r.top < 0 || r.bottom > window.innerHeight)
              return `${what}: ${Math.round(r.top)}–${Math.round(r.bottom)} px of ${window.innerHeight}`;
            // Something pinned over it (a sticky bar) would be what the reader sees there instead.
            const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
            const onTop = document.elementFromPoint(x, r.top + r.height / 2);
            if (onTop && !el.contains(onTop) && !onTop.contains(el))
              return `${what}: covered by ${onTop.tagName.toLowerCase()}.${[...onTop.classList].join('.')}`;
            return null;
          });
          if (problem) out.push(problem);
        }
        return out;
      });
      expect(hidden).toEqual([]);
    },
  );

  it('renders every evidence chart’s text at 11 CSS px or more', async () => {
    const sizes = (
      await Promise.all(['/evidence/', '/studies/'].map((p) => withPage(p, chartTextSizes)))
    ).flat();
    const charts = new Set(sizes.map((s) => s.chart));
    const smallest = Math.min(...sizes.map((s) => s.px));
    console.log(
      `[phone] chart text: ${sizes.length} labels in ${charts.size} charts; smallest ${smallest} CSS px`,
    );
    expect(charts.size).toBeGreaterThanOrEqual(5);
    expect(sizes.filter((s) => s.px < 11).map((s) => `${s.chart}: "${s.text}" ${s.px} px`)).toEqual(
      [],
    );
  });
});

/** Text of a regular expression matching `words` with any whitespace (a line break) between them. */
const spaced = (words: readonly string[]) =>
  words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');

describe('printed to PDF by Chromium', () => {
  it.each([
    ['/compare/', 'the full matrix'],
    ['/compare/views/payer-type-health-plan/', 'one view'],
  ])(
    '%s (%s) prints as a handout: at most six policy columns a page, labels whole, view and date heading each page',
    async (path, what) => {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(new URL(path, env.site.url).href, { waitUntil: 'load' });
      const shown = await page.evaluate(() => ({
        names: [...document.querySelectorAll('.matrix-scroll thead [data-column-name]')].map((a) =>
          a.textContent.replace(/\s+/g, ' ').trim(),
        ),
        groups: [...document.querySelectorAll('.handout[data-handout-group]')].map(
          (t) => t.querySelectorAll('thead [data-column-name]').length,
        ),
        head: document.querySelector('.handout .handout-head strong')?.textContent?.trim() ?? '',
      }));
      // In print layout at the landscape page's width (A4/Letter less margins, ~1040 px), no table is cut off.
      await page.setViewportSize({ width: 1040, height: 700 });
      await page.emulateMedia({ media: 'print' });
      const clipped = await page.$$eval('.handout', (tables) =>
        tables
          .filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((t) => t.getAttribute('data-handout-group') ?? 'differences'),
      );
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await context.close();
      const { pages, text: raw } = pdfText(pdf);
      const text = raw.normalize('NFKC');
      console.log(
        `[paper] ${path} (${what}): ${shown.names.length} policy columns in ${shown.groups.length} groups (${shown.groups.join(' + ')}), ${pages} PDF pages`,
      );

      expect(shown.groups.reduce((a, b) => a + b, 0)).toBe(shown.names.length);
      for (const size of shown.groups) expect(size).toBeLessThanOrEqual(6);
      expect(clipped).toEqual([]);
      // Every column label is in the PDF with its words whole: never a word split across lines,
      // hyphenated codes such as 15-01-004 included.
      const broken: string[] = [];
      for (const name of shown.names) {
        const words = name.normalize('NFKC').split(' ');
        if (!new RegExp(spaced(words)).test(text)) broken.push(`${name}: not found whole`);
        for (const word of words)
          for (let k = 1; k < word.length; k++)
            if (
              new RegExp(
                `(?<![\\p{L}\\p{N}])${spaced([word.slice(0, k)])}\\n${spaced([word.slice(k)])}(?![\\p{L}\\p{N}])`,
                'u',
              ).test(text)
            )
              broken.push(`${name}: "${word}" broken as "${word.slice(0, k)}|${word.slice(k)}"`);
      }
      expect(broken).toEqual([]);
      // Each page of the handout (all but the legend's) is headed by the view and the review date.
      expect(shown.head).toMatch(/^Criteria matrix.* · policies as reviewed to \d+ \w+ \d{4}/);
      const heads = text.match(new RegExp(spaced(shown.head.normalize('NFKC').split(/\s+/)), 'g'));
      expect(heads?.length ?? 0).toBeGreaterThanOrEqual(pages - 1);
    },
  );
});
