/**
 * A small static file server for the built site (dist/): the same server for `npm start` and the
 * browser tests. Serves index.html for directories, 404.html for missing files, never lists
 * directories, and binds to loopback only. Text files are sent gzipped to clients that accept it,
 * as any real static host does, so that what Lighthouse and the browser tests see is what a reader
 * downloads.
 *
 *   node scripts/serve.ts [--dir dist] [--port 4321]
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Types worth compressing (text); images, WebAssembly and pagefind's own compressed files are not. */
const compressible =
  /^(text\/|application\/(json|xml|x-bibtex|x-research-info-systems)|image\/svg)/;
/** Gzipped bodies by file path and modification time: each file is compressed once per change. */
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

async function gzippedBody(file: string, mtimeMs: number): Promise<Buffer> {
  const cached = gzipped.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.body;
  const body = gzipSync(await readFile(file), { level: 9 });
  gzipped.set(file, { mtimeMs, body });
  return body;
}

async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const target = normalize(join(root, decoded));
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  const info = await stat(target).catch(() => undefined);
  if (info?.isFile()) return target;
  // A directory is served only at its slash-terminated URL; without the slash the caller redirects.
  if (info?.isDirectory() && decoded.endsWith('/')) {
    const index = join(target, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

/** Starts serving `dir` on 127.0.0.1:`port` (0 picks a free port); resolves with the server and its URL. */
export async function serveStatic(
  dir: string,
  port = 4321,
): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    // Directory URLs without a trailing slash redirect, so relative links and anchors resolve.
    const file = await resolveFile(root, path);
    if (!file && !path.endsWith('/') && !extname(path)) {
      const withSlash = await resolveFile(root, `${path}/`);
      if (withSlash) {
        res.writeHead(301, { Location: `${path}/` }).end();
        return;
      }
    }
    const served = file ?? join(root, '404.html');
    const status = file ? 200 : 404;
    const exists = await stat(served).catch(() => undefined);
    if (!exists) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const type = types[extname(served)] ?? 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = await gzippedBody(served, exists.mtimeMs);
      res
        .writeHead(status, {
          ...headers,
          'Content-Encoding': 'gzip',
          'Content-Length': body.length,
        })
        .end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(status, headers);
    createReadStream(served).pipe(res);
  };
  // A file that cannot be read answers 500 instead of leaving the request open.
  const server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`Server error: ${String(error)}`);
    });
  });
  await new Promise<void>((ok, fail) =>
    server.once('error', fail).listen(port, '127.0.0.1', () => ok()),
  );
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${actualPort}/` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) =>
    args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback;
  const dir = option('--dir', 'dist');
  if (!(await stat(join(dir, 'index.html')).catch(() => undefined))) {
    console.error(
      `Nothing to serve: ${dir}/index.html does not exist. Run \`npm run build\` first.`,
    );
    process.exit(1);
  }
  const { url } = await serveStatic(dir, Number(option('--port', '4321')));
  console.log(`BVN Atlas is served at ${url} (Ctrl+C to stop)`);
}
