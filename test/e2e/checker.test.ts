/**
 * The eligibility checker in Chromium: vignettes entered through the form give the engine's
 * outcomes, bad input is explained and loses nothing, state survives reload and navigation,
 * Clear clears, hostile links do nothing, no request leaves the origin, and axe finds nothing.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFragment } from '../../src/lib/checker/fragment.ts';
import { evaluateAll } from '../../src/lib/engine/evaluate.ts';
import type { EvaluablePolicy } from '../../src/lib/engine/types.ts';
import { loadContent, vignette } from '../helpers/content.ts';
import { fillFacts, shownOutcomes } from './checker-ui.ts';
import { axeViolations, launchBrowser, startSite } from './harness.ts';

const storageKey = 'bvn-atlas:checker:facts';

let browser: Browser;
let site: Awaited<ReturnType<typeof startSite>>;
let lines: EvaluablePolicy[];
beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  lines = (await loadContent()).current;
});
afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

interface Session {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

async function open(path = 'check/'): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const session: Session = { context, page, requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => session.requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && session.errors.push(m.text()));
  page.on('pageerror', (e) => session.errors.push(e.message));
  page.on('dialog', (d) => {
    session.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(new URL(path, site.url).href);
  await page.waitForSelector('[data-line][data-outcome]');
  return session;
}

const expected: Record<string, Record<string, string>> = {
  'V01-baseline': {
    'cohere-ma': 'meets',
    'mgb-commercial': 'needs-proprietary-review',
    'mgb-masshealth': 'not-covered',
  },
  'V03-age-19': { 'cohere-ma': 'meets', 'mgb-commercial': 'fails' },
  'V06-no-behavioral-health-assessment': {
    'cohere-ma': 'needs-documentation',
    'mgb-commercial': 'needs-proprietary-review',
  },
};

describe('the checker, filled in through the form', () => {
  it.each(Object.keys(expected))(
    'gives the engine’s outcome for every policy line for %s',
    async (id) => {
      const { context, page, errors } = await open();
      const facts = vignette(id);
      await fillFacts(page, facts);
      const shown = await shownOutcomes(page);
      expect(shown).toMatchObject(expected[id]!);
      const engine = Object.fromEntries(
        evaluateAll(lines, facts).map((e) => [e.policy, e.outcome]),
      );
      expect(shown).toEqual(engine);
      // The form's facts are the fixture itself: exporting gives the CLI file back.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-action="export"]'),
      ]);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<
        string,
        unknown
      >;
      const { $schema, ...rest } = exported;
      expect($schema).toMatch(/\/schema\/patient-facts\.json$/);
      expect(rest).toEqual(facts);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});

describe('bad input', () => {
  it('is explained next to the field, keeps every other field, and counts as undocumented until fixed', async () => {
    const { context, page } = await open();
    await fillFacts(page, { bmi: 29, pregnant: false });
    const cases = [
      ['f-ageYears', '150', 'Age: expected at most 120 years (got 150).'],
      ['f-tScore', '-7', 'DEXA T-score: expected at least -6 SD (got -7).'],
      [
        'f-conservativeCareWeeks',
        '-1',
        'Duration of non-surgical management: expected at least 0 weeks (got -1).',
      ],
      [
        'f-painDurationMonths',
        'a year',
        'Duration of low back pain: expected a number (got "a year").',
      ],
    ] as const;
    for (const [id, text, message] of cases) {
      await page.fill(`#${id}`, text);
      await page.press(`#${id}`, 'Tab');
      await expect.poll(() => page.textContent(`#${id}-error`)).toBe(message);
      expect(await page.getAttribute(`#${id}`, 'aria-invalid')).toBe('true');
      expect(await page.getAttribute(`#${id}`, 'aria-describedby')).toContain(`${id}-error`);
    }
    // A list row's field: slip in millimetres must not be negative.
    await page.click('[data-list="spondylolisthesis"] [data-add-row]');
    await page.fill('#f-spondylolisthesis-0-mm', '-2');
    await page.press('#f-spondylolisthesis-0-mm', 'Tab');
    await expect
      .poll(() => page.textContent('#f-spondylolisthesis-0-mm-error'))
      .toBe('Spondylolisthesis, row 1: Slip: expected at least 0 mm (got -2).');
    // Nothing else was cleared, and what was typed is still there.
    expect(await page.inputValue('#f-bmi')).toBe('29');
    expect(await page.isChecked('#f-pregnant-no')).toBe(true);
    expect(await page.inputValue('#f-ageYears')).toBe('150');
    // The invalid age is read as undocumented: Cohere asks for it.
    await page.click('[data-line="cohere-ma"] summary');
    await expect
      .poll(() => page.textContent('[data-line="cohere-ma"] [data-details-body]'))
      .toContain('Document the patient’s age.');
    expect(await page.textContent('[data-results-summary]')).toMatch(
      /5 fields have invalid values and are treated as not documented/,
    );
    // Fixing it removes the message at once.
    await page.fill('#f-ageYears', '52');
    expect(await page.isHidden('#f-ageYears-error')).toBe(true);
    expect(await page.getAttribute('#f-ageYears', 'aria-invalid')).toBeNull();
    expect(await page.textContent('[data-line="cohere-ma"] [data-details-body]')).not.toContain(
      'Document the patient’s age.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('refuses an import that does not fit the format, naming the fields, and leaves the form as it was', async () => {
    const { context, page } = await open();
    await fillFacts(page, { ageYears: 60 });
    await page.setInputFiles('#checker-import', {
      name: 'chart.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ageYears: 'sixty', smoker: true })),
    });
    await expect
      .poll(() => page.textContent('[data-problems]'))
      .toContain('chart.json was not imported; the form was left as it was');
    const problems = await page.textContent('[data-problems]');
    expect(problems).toContain(
      'ageYears (Age): expected a whole number from 0 to 120 (years), got "sixty".',
    );
    expect(problems).toContain('smoker: unknown fact (not in the patient facts schema');
    expect(await page.inputValue('#f-ageYears')).toBe('60');
    // A file that fits replaces the form.
    await page.setInputFiles('#checker-import', {
      name: 'v03.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(vignette('V03-age-19'))),
    });
    await expect.poll(() => page.inputValue('#f-ageYears')).toBe('19');
    expect(await page.isHidden('[data-problems]')).toBe(true);
    expect((await shownOutcomes(page))['mgb-commercial']).toBe('fails');
    await context.close();
  });
});

describe('keeping and clearing state', () => {
  it('restores the facts after a reload, from storage alone, and after going back', async () => {
    const { context, page } = await open();
    await fillFacts(page, {
      ageYears: 52,
      pregnant: false,
      painSeverity: 'moderate',
      modicChanges: [{ level: 'L4', endplate: 'inferior', type: 1 }],
    });
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#facts=/);
    await page.reload();
    await page.waitForSelector('[data-line][data-outcome]');
    expect(await page.inputValue('#f-ageYears')).toBe('52');
    expect(await page.isChecked('#f-pregnant-no')).toBe(true);
    expect(await page.inputValue('#f-painSeverity')).toBe('moderate');
    expect(await page.inputValue('#f-modicChanges-0-level')).toBe('L4');
    // Without the fragment, the copy in localStorage restores it and puts it back in the address.
    await page.goto(new URL('check/', site.url).href);
    await page.waitForSelector('[data-line][data-outcome]');
    expect(await page.inputValue('#f-ageYears')).toBe('52');
    expect(await page.evaluate(() => location.hash)).toMatch(/^#facts=/);
    // Away and back.
    await page.click('a[href="/about/"]');
    await page.waitForURL(/\/about\/$/);
    await page.goBack();
    await page.waitForSelector('[data-line][data-outcome]');
    expect(await page.inputValue('#f-ageYears')).toBe('52');
    expect(await page.inputValue('#f-modicChanges-0-type')).toBe('1');
    await context.close();
  });

  it('Clear empties the form, the fragment and localStorage, and a reload stays empty', async () => {
    const { context, page } = await open();
    await fillFacts(page, { ageYears: 52, bmi: 31 });
    await expect
      .poll(() => page.evaluate((k) => localStorage.getItem(k), storageKey))
      .not.toBeNull();
    await page.click('[data-action="clear"]');
    expect(await page.inputValue('#f-ageYears')).toBe('');
    expect(await page.inputValue('#f-bmi')).toBe('');
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await page.evaluate((k) => localStorage.getItem(k), storageKey)).toBeNull();
    await page.reload();
    await page.waitForSelector('[data-line][data-outcome]');
    expect(await page.inputValue('#f-ageYears')).toBe('');
    expect(await page.evaluate(() => location.hash)).toBe('');
    await context.close();
  });

  it('"None of these documented as present" sets only the undocumented exclusions, visibly', async () => {
    const { context, page } = await open();
    await fillFacts(page, { osteoporosis: true });
    await page.click('#group-history [data-none-present]');
    // The action loads on first use (list-actions.ts): wait for its status line, then read.
    await expect
      .poll(() => page.textContent('#group-history [data-none-status]'))
      .toMatch(/^Set \d+ fields/);
    expect(await page.isChecked('#f-osteoporosis-yes')).toBe(true);
    expect(await page.isChecked('#f-spinalMalignancy-no')).toBe(true);
    expect(await page.isChecked('#f-priorLumbarSurgery-none')).toBe(true);
    expect(await page.inputValue('#f-substanceUseDisorder')).toBe('none');
    expect(await page.isChecked('#f-behavioralHealthAssessment-unknown')).toBe(true);
    expect(await page.textContent('#group-history [data-none-status]')).toMatch(
      /^Set \d+ fields to no or none: .*Spinal malignancy.*Kept 1 already documented\.$/,
    );
    await context.close();
  });

  it('adds and removes list rows from the keyboard, keeping focus in the list', async () => {
    const { context, page } = await open();
    const focused = () => page.evaluate(() => document.activeElement?.id);
    // List editing loads on first use (list-actions.ts): each step waits for its result.
    await page.focus('[data-list="plannedLevels"] [data-add-row]');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('f-plannedLevels-0-level');
    await page.keyboard.press('Shift+Tab');
    await page.focus('[data-list="plannedLevels"] [data-add-row]');
    await page.keyboard.press('Enter');
    await page.selectOption('#f-plannedLevels-1-level', 'L5');
    await page.focus('[data-list="plannedLevels"] [data-row]:first-child [data-remove-row]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.inputValue('#f-plannedLevels-0-level')).toBe('L5');
    expect(await focused()).toBe('f-plannedLevels-0-level');
    await context.close();
  });
});

describe('hostile links', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const payloads: [string, string, RegExp][] = [
    [
      'a raw script tag',
      '#facts=<script>alert(1)</script><img src=x onerror=alert(2)>',
      /Nothing was read from this link/,
    ],
    [
      'markup and prototype keys inside valid JSON',
      `#facts=${b64({ healthPlan: '<img src=x onerror=alert(1)>', ageYears: '<script>alert(2)</script>', pregnant: '<b onmouseover=alert(3)>yes</b>', __proto__x: 1, constructor: { prototype: { polluted: true } } })}`,
      /Some facts in this link were left out/,
    ],
    ['an oversized value', `#facts=${'A'.repeat(40_000)}`, /too long/],
    [
      'wrong types',
      `#facts=${b64({ modicChanges: 'L4', bmi: [1, 2], spondylolisthesis: [{ mm: { valueOf: 1 } }] })}`,
      /Some facts in this link were left out/,
    ],
  ];
  it.each(payloads)(
    'reject %s with a message and run nothing',
    async (_name, fragment, message) => {
      const { context, page, dialogs, errors } = await open(`check/${fragment}`);
      await expect.poll(() => page.textContent('[data-problems]')).toMatch(message);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(await page.locator('main img, main b, bvn-checker script').count()).toBe(0);
      expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
      // Text in a text field is shown as typed, as text.
      if (fragment.includes(b64({ healthPlan: '<img src=x onerror=alert(1)>' }).slice(0, 20)))
        expect(await page.inputValue('#f-healthPlan')).toBe('<img src=x onerror=alert(1)>');
      // The page still works.
      await page.fill('#f-ageYears', '52');
      expect(await page.textContent('[data-results-summary]')).toMatch(/not covered/);
      await context.close();
    },
  );
});

describe('privacy and accessibility', () => {
  it('sends no request to another origin while the page is used, and axe finds nothing with results expanded', async () => {
    const session = await open();
    const { page } = session;
    await fillFacts(page, vignette('V02-seed-000-patient'));
    await page.click('#group-imaging [data-none-present]');
    for (const summary of await page.locator('[data-details] > summary').all())
      await summary.click();
    await expect.poll(() => page.locator('[data-details-body]:empty').count()).toBe(0);
    // Every finding links to its criterion on the policy page, and that anchor exists there.
    const anchors = await page.$$eval('[data-details-body] a[href^="/policies/"]', (links) => [
      ...new Set(links.map((a) => a.getAttribute('href')!)),
    ]);
    expect(anchors.length).toBeGreaterThan(20);
    for (const href of anchors) {
      const [path, id] = href.split('#');
      const html = readFileSync(`dist${path}index.html`, 'utf8');
      expect(html, href).toContain(`id="${id}"`);
    }
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForEvent('download'), page.click('[data-action="export"]')]);
    await page.click('[data-action="copy-link"]');
    await page.click('[data-line="cohere-ma"] [data-packet-link]');
    await page.waitForSelector('.packet table');
    await page.goBack();
    await page.waitForSelector('[data-line][data-outcome]');
    const origin = new URL(site.url).origin;
    const foreign = session.requests.filter(
      (u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'),
    );
    expect(session.requests.length).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
    // No request carries the facts: they travel only in fragments, which are never sent.
    expect(
      session.requests.filter((u) => u.startsWith(origin) && /facts=/.test(u.split('#')[0]!)),
    ).toEqual([]);
    expect(session.errors).toEqual([]);
    await session.context.close();
  });

  it('is usable at 375 px: no horizontal scrolling, results near the top and their summary always in view, axe clean', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(
      new URL(`check/#${encodeFragment(vignette('V06-no-behavioral-health-assessment'))}`, site.url)
        .href,
    );
    await page.waitForSelector('[data-line][data-outcome]');
    await page.click('[data-line="cohere-ma"] summary');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    // The results come right after the health plan, not after the whole chart (~13,000 px before).
    const top = await page.evaluate(
      () => document.querySelector('#results-heading')!.getBoundingClientRect().top + scrollY,
    );
    expect(top).toBeLessThan(2500);
    // Deep in the chart, the summary and the way back to the results stay in view.
    await page.locator('#f-bleedingDiathesis-unknown').scrollIntoViewIfNeeded();
    const bar = await page.locator('.results-bar').boundingBox();
    expect(bar!.y + bar!.height).toBeLessThanOrEqual(800);
    expect(await page.textContent('[data-bar-summary]')).toMatch(/needs documentation/);
    await page.click('.skip-to-results');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
    expect(await page.evaluate(() => location.hash)).toMatch(/^#facts=/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('announces results politely, once typing pauses, as a summary', async () => {
    const { context, page } = await open();
    expect(await page.getAttribute('[data-announce]', 'aria-live')).toBe('polite');
    await page.type('#f-ageYears', '19', { delay: 50 });
    await page.check('#f-pregnant-yes');
    await expect
      .poll(() => page.textContent('[data-announce]'))
      .toMatch(/^Results updated\. .*fails criteria/i);
    // Enter in a field moves to the results and reads the summary at once.
    await page.fill('#f-bmi', '29');
    await page.press('#f-bmi', 'Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
    expect(await page.textContent('[data-announce]')).toMatch(/^Results updated\. \d+ /);
    expect(await page.evaluate(() => location.pathname)).toBe('/check/');
    await context.close();
  });
});
