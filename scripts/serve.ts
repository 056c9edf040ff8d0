/**
 * Serves the built site (dist/) on loopback for `npm start` (scripts/lib/static-server.ts: the same
 * server the browser tests use, applying the site's `_headers` file).
 *
 *   node scripts/serve.ts [--dir dist] [--port 4321]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveStatic } from './lib/static-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4321' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: --port must be a port number (0–65535), got "${values.port}".`);
  process.exit(1);
}
if (!existsSync(join(values.dir, 'index.html'))) {
  console.error(
    `Nothing to serve: ${values.dir}/index.html does not exist. Run \`npm run build\` first.`,
  );
  process.exit(1);
}
const { url } = await serveStatic(values.dir, { port });
console.log(`BVN Atlas is served at ${url} (Ctrl+C to stop)`);
