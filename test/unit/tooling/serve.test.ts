/** The static server behind `npm start`, the browser tests and the benchmarks. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../../scripts/lib/static-server.ts';

const html = `<!doctype html><title>t</title>${'<p>repeated text compresses well</p>'.repeat(200)}`;
const headersFile = `# the site's headers
/*
  X-Content-Type-Options: nosniff
  Content-Security-Policy: frame-ancestors 'none'
/page/*
  X-Extra: page
`;
let site: Awaited<ReturnType<typeof serveStatic>>;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bvn-serve-'));
  mkdirSync(join(dir, 'page'));
  mkdirSync(join(dir, 'search'));
  writeFileSync(join(dir, 'page', 'index.html'), html);
  writeFileSync(join(dir, 'search', 'index.html'), 'search');
  writeFileSync(join(dir, '404.html'), 'missing');
  writeFileSync(join(dir, '_headers'), headersFile);
  writeFileSync(join(dir, 'x.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  site = await serveStatic(dir, { port: 0 });
});
afterAll(() => site.server.close());

/** A raw request (no automatic decompression or URL clean-up), so the test sees what was sent. */
function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const { hostname, port } = new URL(site.url);
    request({ hostname, port, path, method, headers }, (res) => {
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

  it('redirects a directory without its trailing slash, keeping the query', async () => {
    expect((await get('/page')).headers.location).toBe('/page/');
    const search = await get('/search?q=bmi');
    expect(search.status).toBe(301);
    expect(search.headers.location).toBe('/search/?q=bmi');
  });

  it.each(['/%', '/%C0%AF', '/page/%E0%A4%A', '/%00'])(
    'answers 400 to the malformed URL %s and keeps serving',
    async (path) => {
      expect((await get(path)).status).toBe(400);
      expect((await get('/page/')).status).toBe(200);
    },
  );

  it('never serves a file outside the site folder', async () => {
    expect((await get('/../../etc/passwd')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('/page/', {}, 'POST')).status).toBe(405);
    const head = await get('/page/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('applies the _headers file by pattern, and does not serve the file itself', async () => {
    const page = await get('/page/');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(page.headers['x-extra']).toBe('page');
    const png = await get('/x.png');
    expect(png.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(png.headers['x-extra']).toBeUndefined();
    expect((await get('/_headers')).status).toBe(404);
  });

  it('serves without the headers when asked, to show what they change', async () => {
    const bare = await serveStatic(dir, { port: 0, headersFile: false });
    try {
      const res = await new Promise<Record<string, unknown>>((ok, fail) =>
        request(new URL('/page/', bare.url), (r) => {
          r.resume();
          ok(r.headers);
        })
          .on('error', fail)
          .end(),
      );
      expect(res['content-security-policy']).toBeUndefined();
    } finally {
      bare.server.close();
    }
  });

  it('refuses to start on a malformed _headers file, naming the line', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'bvn-serve-'));
    writeFileSync(join(broken, '_headers'), '/*\n  no colon here\n');
    await expect(serveStatic(broken, { port: 0 })).rejects.toThrow(
      /_headers:2: expected "Name: value"/,
    );
  });
});
