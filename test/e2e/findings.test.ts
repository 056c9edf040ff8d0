/**
 * The summary of findings and the harms page in Chromium, without JavaScript: every digit in the
 * summary table sits in an element that traces it to a study entry (or to a computation recomputed
 * here from traced inputs) or in a citation; the table prints on one or two landscape pages on A4
 * and on Letter; at 375 px nothing overflows except inside a labelled scroll region; the harms page
 * shows every adverse-event figure of the content; and both pages pass axe's WCAG 2.2 AA rules.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readAllContent } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { allHarms, unreportedHarms } from '../../src/lib/evidence/harms.ts';
import { expectedText } from '../helpers/traces.ts';
import { pdfText, squash } from './pdf-text.ts';
import { axeViolations, useSite } from './harness.ts';

const validated = validateContent(await readAllContent(process.cwd()));
if (validated.errors.length)
  throw new Error(`content has errors: ${validated.errors.map((e) => e.message).join('; ')}`);
const content = validated.content;
const finding = content.findings.get('bvna-summary-of-findings')!;

const env = useSite();

async function open(path: string, width = 1280): Promise<Page> {
  const page = await env.browser.newPage({
    viewport: { width, height: 900 },
    javaScriptEnabled: false,
  });
  const response = await page.goto(new URL(path, env.site.url).href);
  expect(response?.ok(), `${path} should exist`).toBe(true);
  return page;
}

/** Text nodes with a digit inside `root` that are neither inside a [data-trace] element nor a citation. */
const untracedDigits = (page: Page, root: string) =>
  page.$eval(root, (table) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (/\d/.test(text) && !node.parentElement?.closest('[data-trace], .cite'))
        found.push(text.trim());
    }
    return found;
  });

const traced = (page: Page, root: string) =>
  page.$$eval(`${root} [data-trace]`, (els) =>
    els.map((e) => ({
      trace: (e as HTMLElement).dataset.trace!,
      inputs: ((e as HTMLElement).dataset.inputs ?? '').split(' ').filter(Boolean),
      text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );

describe('the summary of findings', () => {
  it('renders without JavaScript, one row per outcome of the findings entry', async () => {
    const page = await open('/evidence/findings/');
    const rows = await page.$$eval('table[data-sof] tbody tr', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.row),
    );
    await page.close();
    expect(rows).toEqual(finding.rows.map((r) => r.id));
  });

  it('traces every digit of the table to a study entry, a computation from them, or a citation', async () => {
    const page = await open('/evidence/findings/');
    const stray = await untracedDigits(page, 'table[data-sof]');
    const marks = await traced(page, 'table[data-sof]');
    const cites = await page.$$eval('table[data-sof] .cite a', (as) =>
      as.map((a) => (a.textContent ?? '').trim()),
    );
    await page.close();
    expect(stray, 'figures in the table with no trace').toEqual([]);
    expect(marks.length).toBeGreaterThan(60);
    for (const mark of marks)
      expect(mark.text, `${mark.trace} ${mark.inputs.join(' ')}`).toBe(
        expectedText(content, mark.trace, mark.inputs),
      );
    // Every computed figure names its inputs, and each input is a study path.
    const computed = marks.filter((m) => m.trace.startsWith('computed:'));
    expect(computed.length).toBeGreaterThan(8);
    for (const m of computed) expect(m.inputs.length, m.trace).toBe(2);
    const titles = new Set([...content.sources.values()].map((s) => s['title-short']));
    for (const title of cites) expect(titles.has(title), title).toBe(true);
  });

  it('shows the MCID with its source beside the table', async () => {
    const page = await open('/evidence/findings/');
    const marks = await traced(page, '[data-mcid]');
    const cited = await page.$$eval('[data-mcid] .cite', (c) => c.length);
    await page.close();
    expect(marks).toEqual([
      { trace: 'findings/bvna-summary-of-findings/mcids/odi-15', inputs: [], text: '15 points' },
    ]);
    expect(cited).toBeGreaterThan(0);
  });

  it('prints on one or two landscape pages, on A4 and on Letter, with every row', async () => {
    const page = await open('/evidence/findings/');
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, landscape: true, printBackground: true });
      const { pages, text } = pdfText(pdf);
      expect(pages, format).toBeGreaterThanOrEqual(1);
      expect(pages, format).toBeLessThanOrEqual(2);
      for (const row of finding.rows)
        expect(squash(text), `${format}: ${row.id}`).toContain(squash(row.summary));
    }
    await page.close();
  });

  it('reads at 375 px: nothing wider than the screen except inside a labelled scroll region', async () => {
    const page = await open('/evidence/findings/', 375);
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('main *')].filter((el) => {
        const box = el.getBoundingClientRect();
        return box.right > width + 1 && !el.closest('.table-scroll[aria-labelledby]');
      });
      return {
        scroll: document.documentElement.scrollWidth,
        width,
        wide: wide.map((el) => el.tagName + (el.className ? `.${el.className}` : '')),
      };
    });
    // Each row reads as a block: its cells are labelled with the column names.
    const labels = await page.$$eval('table[data-sof] tbody tr:first-child td', (tds) =>
      tds.map((td) => getComputedStyle(td, '::before').content),
    );
    await page.close();
    expect(overflow.wide).toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
    // The label is drawn as "Column: " (with empty alt text, so screen readers hear the real header).
    expect(labels.map((l) => /^"([^"]+?):? "/.exec(l)?.[1])).toEqual([
      'Studies',
      'Effect as reported',
      'Absolute effect (computed)',
      'Certainty',
      'What it means',
    ]);
  });

  it.each(['/evidence/findings/', '/evidence/harms/'])(
    '%s passes axe (WCAG 2.2 AA)',
    async (path) => {
      // axe is a script: this page alone runs with JavaScript on.
      const page = await env.browser.newPage();
      await page.goto(new URL(path, env.site.url).href);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('is linked from the evidence summary', async () => {
    const page = await open('/evidence/');
    const links = await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
    await page.close();
    expect(links).toContain('/evidence/findings/');
    expect(links).toContain('/evidence/harms/');
  });
});

describe('the harms page', () => {
  it('shows every adverse-event figure the content holds, each equal to its entry', async () => {
    const page = await open('/evidence/harms/');
    const rows = await page.$$eval('tr[data-harm]', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.harm),
    );
    const marks = await traced(page, 'main');
    const unreported = await page.$$eval('[data-unreported] li', (lis) =>
      lis.map((li) => (li as HTMLElement).dataset.study),
    );
    await page.close();
    const harms = allHarms(content.studies);
    expect(rows.sort()).toEqual(harms.map((h) => h.trace).sort());
    for (const mark of marks)
      expect(mark.text, mark.trace).toBe(expectedText(content, mark.trace, mark.inputs));
    expect(unreported).toEqual(unreportedHarms(content.studies).map((u) => u.studyId));
  });
});

describe('study pages', () => {
  it('show the editors’ RoB 2 appraisal for each randomised trial, and point the interim report to it', async () => {
    for (const [id, domains] of [
      ['smart-2018', 5],
      ['intracept-2021-12-month', 5],
    ] as const) {
      const page = await open(`/studies/${id}/`);
      const rob = await page.$$eval('[data-appraisal="rob2"] tbody tr', (trs) => trs.length);
      const label = await page.$eval('#risk-of-bias', (h) => h.textContent);
      await page.close();
      expect(rob, id).toBe(domains);
      expect(label).toContain('editors’ appraisal');
    }
    const page = await open('/studies/intracept-2019-interim/');
    const pointer = await page.$eval('section[aria-labelledby="risk-of-bias"] a', (a) =>
      a.getAttribute('href'),
    );
    await page.close();
    expect(pointer).toBe('/studies/intracept-2021-12-month/#risk-of-bias');
  });
});

describe('what the editors looked for and could not read', () => {
  it('each study page lists its unread topics, each with a citation labelled "not found"', async () => {
    const withUnread = [...content.studies].filter(([, s]) => s.notRead.length);
    expect(withUnread.length).toBeGreaterThanOrEqual(8);
    for (const [id, study] of withUnread) {
      const page = await open(`/studies/${id}/`);
      const items = await page.$$eval('[data-not-read] > div', (divs) =>
        divs.map((d) => ({
          topic: (d as HTMLElement).dataset.topic,
          citations: d.querySelectorAll('dd .cite').length,
          text: d.textContent,
        })),
      );
      await page.close();
      expect(
        items.map((i) => i.topic),
        id,
      ).toEqual(study.notRead.map((n) => n.topic));
      items.forEach((item, i) => {
        expect(item.citations, `${id} ${item.topic} cites where the editors looked`).toBe(
          study.notRead[i]!.citations.length,
        );
        expect(item.text, `${id} ${item.topic}`).toContain('not found');
      });
    }
  });

  it('the harms page links each trial report whose safety tables were not read to where the editors looked', async () => {
    const page = await open('/evidence/harms/', 375);
    const links = await page.$$eval('[data-unreported] li', (lis) =>
      lis
        .filter((li) => li.querySelector('[data-not-read-link]'))
        .map((li) => li.querySelector('[data-not-read-link]')!.getAttribute('href')),
    );
    await page.close();
    const expected = unreportedHarms(content.studies)
      .filter((u) => u.study.notRead.some((n) => n.topic === 'adverse-events'))
      .map((u) => `/studies/${u.studyId}/#not-read`);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(links).toEqual(expected);
  });
});
