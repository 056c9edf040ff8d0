/**
 * Validates every content file and cross-reference before a build. Exits 1 with one line per
 * problem (file: field: what was expected), so `npm start` and `npm test` stop before Astro runs.
 *
 *   node scripts/check-content.ts [--content <folder>]   (default $BVN_CONTENT_DIR, else src/content)
 */
import { readAllContent } from '../src/loaders/content-files.ts';
import { formatErrors, validateContent } from '../src/lib/content/validate.ts';

const args = process.argv.slice(2);
const contentRoot =
  args[args.indexOf('--content') + 1] && args.includes('--content')
    ? args[args.indexOf('--content') + 1]!
    : (process.env.BVN_CONTENT_DIR ?? 'src/content');
const files = await readAllContent(process.cwd(), contentRoot);
const { errors, content } = validateContent(files);
if (errors.length > 0) {
  console.error(
    `Content check failed: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${contentRoot}\n`,
  );
  console.error(formatErrors(errors));
  process.exit(1);
}
const counts = Object.entries(content).map(([name, map]) => `${map.size} ${name}`);
console.log(`Content check passed: ${counts.join(', ')}.`);
