/**
 * Validates every content file and cross-reference before a build. Exits 1 with one line per
 * problem (file: field: what was expected), so `npm start` and `npm test` stop before Astro runs.
 *
 *   node scripts/check-content.ts [--content <folder>]   (default $BVN_CONTENT_DIR, else src/content)
 */
import { readAllContent } from '../src/loaders/content-files.ts';
import { diskParseCache, markParsed, parseCacheDir } from '../src/loaders/parse-cache.ts';
import { formatErrors, validateContent } from '../src/lib/content/validate.ts';
import { parseFlags } from './lib/flags.ts';

const { values } = parseFlags('check:content', {
  content: { type: 'string', default: process.env.BVN_CONTENT_DIR ?? 'src/content' },
});
const contentRoot = values.content;
// Parsed files are cached by digest: the Astro build that follows reads them back, and the next
// build parses only what changed (src/loaders/parse-cache.ts).
const cache = diskParseCache(parseCacheDir(process.cwd(), contentRoot));
const files = await readAllContent(process.cwd(), contentRoot, { cache });
// The Astro build beside this check waits for this mark before parsing what the cache lacks.
markParsed();
cache.prune();
const { errors, content } = validateContent(files);
if (errors.length > 0) {
  console.error(
    `Content check failed: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${contentRoot}\n`,
  );
  console.error(formatErrors(errors));
  process.exit(1);
}
const counts = (Object.keys(content) as (keyof typeof content)[]).map(
  (name) => `${content[name].size} ${name}`,
);
console.log(
  `Content check passed: ${counts.join(', ')} (${cache.stats.misses} files parsed, ${cache.stats.hits} unchanged).`,
);
