/**
 * Content loader for one folder of YAML or JSON entries (one entry per file, id = file name).
 * Astro's own glob loader parses YAML with js-yaml, which silently turns an impossible date such
 * as 2025-13-45 into a real one; this loader uses the same `yaml` parser as the CLI and the
 * content check, so every tool reads a file the same way, and reads back what the content check
 * parsed (src/loaders/parse-cache.ts) instead of parsing it again.
 */
import type { Loader } from 'astro/loaders';
import { readContentFolder } from './content-files.ts';
import { codeDigest } from './digest-cache.ts';
import { diskParseCache, parseCacheDir, parsedByCheck } from './parse-cache.ts';

/** Digest of the code that turns a file into an entry: the schemas, what they import, the parser's version. */
let schemaCode: string | undefined;

export function dataFiles(folder: string): Loader {
  return {
    name: 'data-files',
    load: async (context) => {
      const { store, config } = context;
      const root = new URL('.', config.root).pathname;
      schemaCode ??= codeDigest(root, [
        'src/lib',
        'src/loaders',
        'src/content.config.ts',
        'package-lock.json',
      ]);
      // The content check, which runs alongside the build, parses into this cache: a file missing
      // from it is awaited from the check rather than parsed twice.
      const cache = diskParseCache(parseCacheDir(root, folder.replace(/\/[^/]+$/, '')));
      // Every file's digest, by id: also which ids the folder still has.
      const digests = new Map<string, string>();
      // An entry kept from the last build (Astro's data store) whose text and schema code are
      // unchanged is valid as it was: it is neither read back from the parse cache (about 1 s
      // for 3,000 policies) nor validated again.
      const skip = (file: { id: string; path: string; raw: string }) => {
        const digest = context.generateDigest(`${schemaCode}\0${file.raw}`);
        digests.set(file.id, digest);
        const kept = store.get(file.id);
        return kept?.digest === digest && kept.filePath === file.path;
      };
      for (const file of await readContentFolder(root, folder, {
        cache,
        skip,
        parsedElsewhere: parsedByCheck,
      })) {
        if (file.error) throw new Error(`${file.path}: ${file.error}`);
        const digest = digests.get(file.id)!;
        const data = await context.parseData({
          id: file.id,
          data: file.data as Record<string, unknown>,
          filePath: file.path,
        });
        store.set({ id: file.id, data, filePath: file.path, digest });
      }
      for (const id of store.keys()) if (!digests.has(id)) store.delete(id);
    },
  };
}
