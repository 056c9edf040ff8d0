/** The static server behind `npm start` and the browser tests. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../../scripts/serve.ts';

const html = `<!doctype html><title>t</title>${'<p>repeated text compresses well</p>'.repeat(200)}`;
let site: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bvn-serve-'));
  mkdirSync(join(dir, 'page'));
  writeFileSync(join(dir, 'page', 'index.html'), html);
  writeFileSync(join(dir, '404.html'), 'missing');
  writeFileSync(join(dir, 'x.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  site = await serveStatic(dir, 0);
});
afterAll(() => site.server.close());

/** A raw GET (no automatic decompression), so the test sees what was sent. */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    request(new URL(path, site.url), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on('data', (c: Buffer) => chunks.push(c))
        .on('end', () =>
          ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
    })
      .on('error', fail)
      .end();
  });
}

describe('the static server', () => {
  it('sends text gzipped to a client that accepts it, and the same bytes uncompressed otherwise', async () => {
    const zipped = await get('/page/', { 'Accept-Encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(html.length / 5);
    expect(gunzipSync(zipped.body).toString()).toBe(html);
    const plain = await get('/page/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(html);
  });

  it('does not compress images, and answers a missing page with 404.html', async () => {
    expect(
      (await get('/x.png', { 'Accept-Encoding': 'gzip' })).headers['content-encoding'],
    ).toBeUndefined();
    const missing = await get('/nope/', { 'Accept-Encoding': 'gzip' });
    expect(missing.status).toBe(404);
    expect(gunzipSync(missing.body).toString()).toBe('missing');
  });

  it('redirects a directory without its trailing slash', async () => {
    const res = await get('/page');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/page/');
  });
});
