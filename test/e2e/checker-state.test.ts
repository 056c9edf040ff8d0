/**
 * The checker never turns bad data into an answer, keeps exactly what the user entered and
 * clears exactly what they ask to clear: hostile or damaged links, saved copies and files, a
 * reload right after typing, two tabs, and the copies the packet makes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { countSummary } from '../../src/components/checker/results-view.ts';
import { evaluateAll } from '../../src/lib/engine/evaluate.ts';
import type { EvaluablePolicy } from '../../src/lib/engine/types.ts';
import { loadContent, vignette } from '../helpers/content.ts';
import { fillFacts, shownOutcomes } from './checker-ui.ts';
import { useSite } from './harness.ts';

const env = useSite();
const storageKey = 'bvn-atlas:checker:facts';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

let lines: EvaluablePolicy[];
beforeAll(async () => {
  lines = (await loadContent()).current;
});

async function open(path = 'check/', width = 1280) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(env.site.url).origin,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(path, env.site.url).href);
  await page.waitForSelector('[data-line][data-outcome], .packet h2');
  return { context, page, errors };
}

const saved = (page: Page) => page.evaluate((k) => localStorage.getItem(k), storageKey);
/** The facts in the page's address, as written there. */
const hashFacts = async (page: Page): Promise<Record<string, unknown> | undefined> => {
  const hash = await page.evaluate(() => location.hash);
  const encoded = new URLSearchParams(hash.slice(1)).get('facts');
  return encoded
    ? (JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Record<string, unknown>)
    : undefined;
};
/**
 * Holds back the list code (loaded on the first list edit) for a second, as a loaded machine or
 * a slow network would, so that what the test does next happens while it is on its way.
 * `settled` resolves once the page has the code and every edit waiting for it has run.
 */
async function holdListCode(page: Page) {
  let url: string | undefined;
  let requests = 0;
  await page.route('**/_astro/list-actions.*.js', async (route) => {
    requests++;
    url = route.request().url();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  return {
    requests: () => requests,
    settled: async () => {
      await expect.poll(() => url).toBeDefined();
      // A string, so that the test runner does not rewrite the page's import().
      await page.evaluate(
        `import(${JSON.stringify(url)}).then(() => new Promise((r) => setTimeout(r, 0)))`,
      );
    },
  };
}

/** Opens the checker, documents an MRI, and makes Modic quick-entry choices while the list code is held back. */
async function modicChoicesWhileListCodeLoads(choices: readonly [string, string][]) {
  const opened = await open();
  const list = await holdListCode(opened.page);
  await opened.page.click('#f-mriReport-yes');
  for (const [key, type] of choices) await opened.page.selectOption(`#q-modicChanges-${key}`, type);
  return { ...opened, list };
}

/** The levels of the Modic change rows, in order. */
const modicLevels = (page: Page) =>
  page.$$eval('[data-list="modicChanges"] [data-row] [id$="-level"]', (controls) =>
    controls.map((c) => (c as HTMLSelectElement).value),
  );

/** The facts of the saved copy. */
const savedFacts = async (page: Page) =>
  (JSON.parse((await saved(page))!) as { facts: Record<string, unknown> }).facts;

describe('1. a malformed list row is never read as "none"', () => {
  const facts = { ...vignette('V01-baseline'), spondylolisthesis: ['L4 on L5, 4 mm, correlates'] };

  it('keeps the list documented as one row with nothing known, says so, and decides nothing from it', async () => {
    const { context, page, errors } = await open(`check/#${`facts=${b64(facts)}`}`);
    await expect
      .poll(() => page.textContent('[data-problems]'))
      .toContain('Spondylolisthesis, row 1');
    expect(await page.isChecked('#f-spondylolisthesis-none')).toBe(false);
    expect(await page.isChecked('#f-spondylolisthesis-rows')).toBe(true);
    expect(await page.locator('[data-list="spondylolisthesis"] [data-row]').count()).toBe(1);
    const shown = await shownOutcomes(page);
    // Cohere, Kaiser WA Medicare and the LCDs cannot say "meets" while the slip is unknown.
    for (const line of [
      'cohere-ma',
      'kaiser-wa-medicare',
      'lcd-l39420',
      'lcd-l39642',
      'lcd-l39644',
    ])
      expect(shown[line], line).toBe('needs-documentation');
    // Nothing downstream carries "none".
    await expect.poll(async () => (await hashFacts(page))?.spondylolisthesis).toEqual([{}]);
    expect((await savedFacts(page)).spondylolisthesis).toEqual([{}]);
    await page.click('[data-line="cohere-ma"] [data-packet-link]');
    await page.waitForSelector('.packet table');
    const packet = (await page.textContent('.packet'))!;
    expect(packet).not.toMatch(/Spondylolisthesis\s*none/);
    expect(packet).toMatch(/Spondylolisthesis\s*\(1\) details not documented/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the message on the packet opened from the same link, on screen and in the copies', async () => {
    const { context, page } = await open(
      `check/packet/#line=cohere-ma&facts=${b64({ spondylolisthesis: [3] })}`,
    );
    await page.waitForSelector('.packet table');
    expect(await page.textContent('.packet')).toContain('Spondylolisthesis, row 1');
    await page.click('[data-action="copy-text"]');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain('Spondylolisthesis, row 1');
    await context.close();
  });

  it('never reads a list set to "one or more" with no rows as "none"', async () => {
    const { context, page } = await open();
    // Browsers restore radio states on back/forward without the rows the script added.
    await page.evaluate(() => {
      (document.getElementById('f-discFindings-rows') as HTMLInputElement).checked = true;
      document.querySelector('#checker-form')!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => page.textContent('[data-results-summary]')).not.toContain('Loading');
    expect((await hashFacts(page))?.discFindings).toBeUndefined();
    await context.close();
  });
});

describe('2. "Clear all facts" clears all facts', () => {
  it('empties radios, selects, text, lists, the address and storage; results are those of an empty chart', async () => {
    const { context, page } = await open();
    await fillFacts(page, {
      ageYears: 52,
      mriReport: true,
      functionalDeficit: true,
      painSeverity: 'severe',
      spondylolisthesis: [],
      modicChanges: [{ level: 'L4', endplate: 'inferior', type: 1 }],
      pregnant: true,
    });
    await page.check('#f-discFindings-rows');
    await page.click('[data-action="clear"]');
    const empty = countSummary(evaluateAll(lines, {}));
    await expect.poll(() => page.textContent('[data-results-summary]')).toMatch(empty);
    const state = await page.$$eval('#checker-form input, #checker-form select', (controls) =>
      controls
        .filter((c) =>
          c instanceof HTMLInputElement && c.type === 'radio'
            ? c.checked && c.value !== ''
            : (c as HTMLInputElement).value !== '',
        )
        .map((c) => (c as HTMLInputElement).name),
    );
    expect(state).toEqual([]);
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await saved(page)).toBeNull();
    expect(await shownOutcomes(page)).toEqual(
      Object.fromEntries(evaluateAll(lines, {}).map((e) => [e.policy, e.outcome])),
    );
    await page.reload();
    await page.waitForSelector('[data-line][data-outcome]');
    expect(await page.isChecked('#f-mriReport-unknown')).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await context.close();
  });
});

describe('3. nothing the user entered is lost', () => {
  it('keeps the saved copy when a link holds junk, and says what happened', async () => {
    const { context, page } = await open();
    await fillFacts(page, { ageYears: 61 });
    await expect.poll(() => saved(page)).not.toBeNull();
    // Opened in a new tab, as a shared link is.
    const tab = await context.newPage();
    await tab.goto(new URL('check/#facts=eyJ6enoiOjF9', env.site.url).href);
    await tab.waitForSelector('[data-line][data-outcome]');
    await expect.poll(() => tab.textContent('[data-problems]')).toContain('"zzz"');
    expect(await tab.textContent('[data-problems]')).toMatch(/saved in this browser are shown/);
    expect(await saved(tab)).toContain('61');
    expect(await tab.inputValue('#f-ageYears')).toBe('61');
    await context.close();
  });

  it('keeps an unreadable saved copy until the user chooses, and says so', async () => {
    const { context, page } = await open();
    await page.evaluate((k) => localStorage.setItem(k, '{"ageYears": 6'), storageKey);
    await page.reload();
    await page.waitForSelector('[data-line][data-outcome]');
    await expect
      .poll(() => page.textContent('[data-problems]'))
      .toMatch(/saved in this browser could not be read/);
    expect(await saved(page)).toBe('{"ageYears": 6');
    await context.close();
  });

  it('keeps a value typed just before a reload', async () => {
    const { context, page } = await open();
    await fillFacts(page, { ageYears: 52 });
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#facts=/);
    await page.fill('#f-bmi', '31');
    await page.reload();
    await page.waitForSelector('[data-line][data-outcome]');
    expect(await page.inputValue('#f-bmi')).toBe('31');
    expect(await page.inputValue('#f-ageYears')).toBe('52');
    await context.close();
  });

  it('applies list edits made while the list code loads in the order they were made', async () => {
    const { context, page, errors, list } = await modicChoicesWhileListCodeLoads([
      ['L4-L5', '1'],
      ['L1-L2', '2'],
      ['L2-L3', '1'],
    ]);
    await list.settled();
    expect(list.requests()).toBe(1);
    expect(await modicLevels(page)).toEqual(['L4', 'L5', 'L1', 'L2', 'L2', 'L3']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('clears a list choice made while the list code loads, and Undo brings it back', async () => {
    const { context, page, errors, list } = await modicChoicesWhileListCodeLoads([['L4-L5', '1']]);
    await page.click('[data-action="clear"]');
    await list.settled();
    // Clear waited in line behind the choice, so the choice cannot come back after it.
    expect(await modicLevels(page)).toEqual([]);
    expect(await page.inputValue('#q-modicChanges-L4-L5')).toBe('');
    expect(await page.isChecked('#f-mriReport-unknown')).toBe(true);
    expect(await saved(page)).toBeNull();
    await page.click('[data-action="undo"]');
    await expect.poll(() => modicLevels(page)).toEqual(['L4', 'L5']);
    expect(await page.isChecked('#f-mriReport-yes')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an import replace a list choice still waiting for the list code', async () => {
    const { context, page, errors, list } = await modicChoicesWhileListCodeLoads([['L4-L5', '1']]);
    await page.setInputFiles('#checker-import', {
      name: 'age.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ageYears: 61 })),
    });
    await expect.poll(() => page.textContent('[data-tool-status]')).toContain('Imported 1 fact');
    await list.settled();
    // The imported facts are the form's, as they would be had the choice been applied first.
    expect(await modicLevels(page)).toEqual([]);
    expect(await page.inputValue('#f-ageYears')).toBe('61');
    expect(await page.isChecked('#f-mriReport-unknown')).toBe(true);
    expect((await savedFacts(page)).modicChanges).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('accepts every number it writes itself, after an import', async () => {
    const { context, page } = await open();
    await page.setInputFiles('#checker-import', {
      name: 'tiny.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ odi: 1e-7, bmi: 29.000001, tScore: -0.0000025 })),
    });
    await expect.poll(() => page.textContent('[data-tool-status]')).toContain('Imported 3 facts');
    expect(await page.getAttribute('#f-odi', 'aria-invalid')).toBeNull();
    expect(await page.textContent('[data-results-summary]')).not.toMatch(/invalid/);
    expect((await hashFacts(page))?.odi).toBe(1e-7);
    await context.close();
  });

  it('says so when another tab changed the saved facts', async () => {
    const { context, page } = await open();
    const other = await context.newPage();
    await other.goto(new URL('check/', env.site.url).href);
    await other.waitForSelector('[data-line][data-outcome]');
    await fillFacts(other, { ageYears: 70 });
    await expect.poll(() => page.textContent('[data-tool-status]')).toMatch(/another tab/i);
    // This tab's facts stay as they are until the user asks for the other tab's.
    expect(await page.inputValue('#f-ageYears')).toBe('');
    await page.click('[data-action="load-other-tab"]');
    await expect.poll(() => page.inputValue('#f-ageYears')).toBe('70');
    await context.close();
  });
});

describe('4. the command line and the browser accept the same files, with bounded messages', () => {
  const deep = `{"healthPlan":${'['.repeat(5000)}${']'.repeat(5000)}}`;
  const files: [string, string][] = [
    ['a byte-order mark', `\uFEFF${JSON.stringify({ ageYears: 55 })}`],
    ['BMI 1e309', '{"bmi": 1e309}'],
    ['5,000-deep JSON', deep],
    [
      '3,000 unknown keys',
      JSON.stringify(Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, 1]))),
    ],
    ['a valid chart', JSON.stringify(vignette('V01-baseline'))],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'bvn-facts-'));

  it.each(files)(
    '%s: same verdict, no stack trace, at most a screenful of messages',
    async (name, text) => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, text);
      const cli = spawnSync(process.execPath, ['scripts/eligibility.ts', file, '--json'], {
        encoding: 'utf8',
      });
      expect(cli.stderr).not.toMatch(/RangeError|\n\s+at /);
      expect(cli.stderr.split('\n').length).toBeLessThan(30);
      const { context, page } = await open();
      await page.setInputFiles('#checker-import', {
        name: 'facts.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text, 'utf8'),
      });
      await expect
        .poll(
          async () =>
            `${await page.textContent('[data-tool-status]')} ${await page.textContent('[data-problems]')}`,
        )
        .toMatch(/Imported|not imported/);
      const accepted = (await page.textContent('[data-tool-status]'))!.includes('Imported');
      expect(accepted, `${name}: browser ${accepted}, CLI exit ${cli.status}`).toBe(
        cli.status === 0,
      );
      expect(await page.locator('[data-problems] li').count()).toBeLessThan(25);
      if (name === 'BMI 1e309') {
        expect(cli.stderr).toContain('1e309');
        expect(await page.textContent('[data-problems]')).toContain('1e309');
      }
      await context.close();
    },
  );
});

describe('5. copies cannot be forged by data', () => {
  it('keeps free text on one line, escaped, in the packet and its plain-text and Markdown copies', async () => {
    const facts = { healthPlan: 'X\n\n# Injected\n- [ ] fake' };
    const { context, page } = await open(`check/packet/#line=cohere-ma&facts=${b64(facts)}`);
    await page.waitForSelector('.packet table');
    for (const [action, kind] of [
      ['copy-text', 'plain text'],
      ['copy-markdown', 'Markdown'],
    ]) {
      await page.click(`[data-action="${action}"]`);
      // The copy is written once the text forms have loaded; the status says when.
      await expect.poll(() => page.textContent('[data-status]')).toBe(`Packet copied as ${kind}.`);
      const text = await page.evaluate(() => navigator.clipboard.readText());
      const lines = text.split('\n');
      expect(
        lines.filter((l) => /^\s*#\s*Injected/.test(l)),
        action,
      ).toEqual([]);
      expect(
        lines.filter((l) => /^\s*- \[ \] fake/.test(l)),
        action,
      ).toEqual([]);
      expect(text).toContain(
        kind === 'plain text' ? 'X # Injected - [ ] fake' : 'X \\# Injected - \\[ \\] fake',
      );
    }
    await context.close();
  });

  it('keeps a link’s line breaks out of the form and says so', async () => {
    const { context, page } = await open(`check/#facts=${b64({ healthPlan: 'A\nB' })}`);
    expect(await page.inputValue('#f-healthPlan')).toBe('A B');
    // The problems are drawn once their code has loaded, which a loaded machine may delay.
    await expect.poll(() => page.textContent('[data-problems]')).toMatch(/line break/);
    expect(await shownOutcomes(page)).toBeTruthy();
    await context.close();
  });
});
