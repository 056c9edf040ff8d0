/** The real content tree, read and validated once for the content tests. */
import { readAllContent } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate.ts';

export async function loadContent() {
  const files = await readAllContent(process.cwd());
  return { files, ...validateContent(files) };
}
