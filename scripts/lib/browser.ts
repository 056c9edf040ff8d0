/**
 * The system Chromium, driven by playwright-core, for the browser tests and the benchmarks.
 * Chromium is never downloaded: when it is missing the caller fails with what to install.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The Chromium binary: $CHROME_PATH, else Debian's /usr/bin/chromium. */
export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `Chromium not found at ${path}. Install it with \`apt-get install -y chromium\` (or set CHROME_PATH to a Chromium binary); browser tests do not download browsers.`,
    );
  return path;
}

/** Flags for a quiet, offline, headless Chromium (playwright gives it a fresh temporary --user-data-dir). */
export const chromeArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * How long one browser action or navigation may take before it counts as hung: far beyond what a
 * correct page needs even on a machine at a load average of 20, so only a real hang reaches it.
 */
export const browserActionTimeoutMs = 300_000;

/** Launches Chromium; every context it opens waits up to `browserActionTimeoutMs` per action. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromePath(),
    args: chromeArgs,
    headless: true,
    timeout: browserActionTimeoutMs,
  });
  // browser.newPage() opens its context through newContext(), so both get the limits.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(browserActionTimeoutMs);
    context.setDefaultNavigationTimeout(browserActionTimeoutMs);
    return context;
  };
  return browser;
}
