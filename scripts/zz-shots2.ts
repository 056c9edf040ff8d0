import { serveStatic } from './lib/static-server.ts';
import { launchBrowser } from './lib/browser.ts';
const { server, url } = await serveStatic('dist', { port: 0 });
const browser = await launchBrowser();
const pages = ['compare/evidence/', 'eligibility/', 'eligibility/smart-eligibility/', 'compare/mgb-commercial/smart-eligibility/', 'policies/mgb-097/'];
for (const width of [1280, 375]) {
  const context = await browser.newContext({ viewport: { width, height: 1400 } });
  const page = await context.newPage();
  for (const p of pages) {
    const r = await page.goto(url + p);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(width, p, r?.status(), 'scrollWidth', sw);
    await page.screenshot({ path: `/tmp/i13/shots/${p.replace(/\//g, '_')}${width}.png` });
  }
  await context.close();
}
await browser.close(); server.close();
