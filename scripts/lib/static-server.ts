/**
 * A small static file server for the built site: the same server for `npm start`, the browser tests
 * and the benchmarks. It serves index.html for directories (redirecting a directory URL without its
 * trailing slash, query kept), 404.html for missing files, never lists directories, binds to
 * loopback only, and applies the site's `_headers` file (./headers-file.ts) as Netlify or
 * Cloudflare Pages would, without serving the file itself. Text is sent gzipped to clients that
 * accept it, as any real static host does, so that what Lighthouse and the browser tests see is
 * what a reader downloads. A request it cannot read (`/%`) gets 400; nothing a client sends ends it.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile, type HeaderRule } from './headers-file.ts';

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

/** The host's configuration file: read by the server, never served. */
export const HEADERS_FILE = '_headers';

/** A file read once per change (by modification time). */
function cachedByMtime<T>(read: (file: string) => Promise<T>) {
  const cache = new Map<string, { mtimeMs: number; value: T }>();
  return async (file: string, mtimeMs: number): Promise<T> => {
    const hit = cache.get(file);
    if (hit?.mtimeMs === mtimeMs) return hit.value;
    const value = await read(file);
    cache.set(file, { mtimeMs, value });
    return value;
  };
}

const gzippedBody = cachedByMtime(async (file) => gzipSync(await readFile(file), { level: 9 }));
const headerRules = cachedByMtime(async (file) =>
  parseHeadersFile(await readFile(file, 'utf8'), file),
);

const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() === true;

/** The file a decoded URL path names under `root`, if it is served. */
async function resolveFile(root: string, decoded: string): Promise<string | undefined> {
  const target = normalize(join(root, decoded));
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  if (target === join(root, HEADERS_FILE)) return undefined;
  const info = await stat(target).catch(() => undefined);
  if (info?.isFile()) return target;
  // A directory is served only at its slash-terminated URL; without the slash the caller redirects.
  if (info?.isDirectory() && decoded.endsWith('/') && (await isFile(join(target, 'index.html'))))
    return join(target, 'index.html');
  return undefined;
}

export interface ServeOptions {
  /** Port on 127.0.0.1; 0 picks a free one. Default 4321. */
  port?: number;
  /** Apply `<dir>/_headers` (default true); false serves without it, to show what it changes. */
  headersFile?: boolean;
}

async function answer(
  root: string,
  options: ServeOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res
      .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' })
      .end('Method not allowed');
    return;
  }
  const url = URL.parse(req.url ?? '/', 'http://localhost');
  let decoded: string | undefined;
  try {
    decoded = url ? decodeURIComponent(url.pathname) : undefined;
  } catch {
    decoded = undefined;
  }
  if (!url || decoded === undefined || decoded.includes('\0')) {
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request: malformed URL');
    return;
  }
  const file = await resolveFile(root, decoded);
  // Directory URLs without a trailing slash redirect, so relative links and anchors resolve.
  if (!file && !decoded.endsWith('/') && !extname(decoded)) {
    const directory = await resolveFile(root, `${decoded}/`);
    if (directory) {
      // Built from the folder's place under root, so `//host` in a request cannot become the target.
      const location = `/${relative(root, directory).split(sep).slice(0, -1).map(encodeURIComponent).join('/')}/${url.search}`;
      res.writeHead(301, { Location: location }).end();
      return;
    }
  }
  const served = file ?? join(root, '404.html');
  const status = file ? 200 : 404;
  const info = await stat(served).catch(() => undefined);
  if (!info) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const rulesFile = join(root, HEADERS_FILE);
  const rulesInfo =
    options.headersFile === false ? undefined : await stat(rulesFile).catch(() => undefined);
  const rules: HeaderRule[] = rulesInfo ? await headerRules(rulesFile, rulesInfo.mtimeMs) : [];
  const type = types[extname(served)] ?? 'application/octet-stream';
  const headers = {
    ...headersFor(rules, url.pathname),
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (compressible.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    const body = await gzippedBody(served, info.mtimeMs);
    res
      .writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length })
      .end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Length': info.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(served).pipe(res);
}

/** Starts serving `dir` on 127.0.0.1; resolves with the server and its URL. */
export async function serveStatic(
  dir: string,
  options: ServeOptions = {},
): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  // A malformed _headers file stops the server at once, naming the line, rather than mid-request.
  const rulesFile = join(root, HEADERS_FILE);
  if (options.headersFile !== false && (await isFile(rulesFile)))
    parseHeadersFile(await readFile(rulesFile, 'utf8'), rulesFile);
  const server = createServer((req, res) => {
    answer(root, options, req, res).catch((error: unknown) => {
      console.error(`serve: ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('Internal server error');
    });
  });
  await new Promise<void>((ok, fail) =>
    server.once('error', fail).listen(options.port ?? 4321, '127.0.0.1', () => ok()),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { server, url: `http://127.0.0.1:${port}/` };
}
