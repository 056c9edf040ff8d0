/**
 * Content loader for one folder of YAML or JSON entries (one entry per file, id = file name).
 * Astro's own glob loader parses YAML with js-yaml, which silently turns an impossible date such
 * as 2025-13-45 into a real one; this loader uses the same `yaml` parser as the CLI and the
 * content check, so every tool reads a file the same way, and reads back what the content check
 * parsed (src/loaders/parse-cache.ts) instead of parsing it again.
 */
import type { Loader } from 'astro/loaders';
import { readContentFolder } from './content-files.ts';
import { diskParseCache, parseCacheDir } from './parse-cache.ts';

export function dataFiles(folder: string): Loader {
  return {
    name: 'data-files',
    load: async (context) => {
      const { store, config } = context;
      const root = new URL('.', config.root).pathname;
      // The content check that runs before the build has parsed every file into this cache.
      const cache = diskParseCache(parseCacheDir(root, folder.replace(/\/[^/]+$/, '')));
      store.clear();
      for (const file of await readContentFolder(root, folder, { cache })) {
        if (file.error) throw new Error(`${file.path}: ${file.error}`);
        const data = await context.parseData({
          id: file.id,
          data: file.data as Record<string, unknown>,
          filePath: file.path,
        });
        store.set({
          id: file.id,
          data,
          filePath: file.path,
          digest: context.generateDigest(file.raw),
        });
      }
    },
  };
}
