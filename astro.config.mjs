// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

// Static site: every page is rendered at build time; the only client script is the
// eligibility checker island (and the search page), bundled as hashed files.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  output: 'static',
  trailingSlash: 'always',
  // The sitemap is also the list of pages the browser tests crawl (test/e2e/site.test.ts).
  integrations: [mdx(), sitemap()],
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // The scale benchmark builds generated content with its own cache (content data store), so it
  // never reads or overwrites the one the real site's builds use.
  ...(process.env.BVN_CACHE_DIR ? { cacheDir: process.env.BVN_CACHE_DIR } : {}),
  // Content-Security-Policy as a <meta> tag on every page: scripts and styles only from this
  // origin or hashed by Astro; no third-party origin anywhere; patient facts cannot be posted away.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
      ],
    },
  },
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        output: {
          // The code both checker islands (/check/ and the packet) run on load goes into one
          // chunk: left to the automatic split, the modules their lazily loaded parts also use
          // scatter into small chunks, and the page's script outgrows its 25 KB budget in gzip
          // overhead alone. A module missing from this list still works (it is split
          // automatically); one added to it by mistake is only loaded earlier.
          codeSplitting: {
            groups: [
              {
                name: 'checker-core',
                test: /[\\/](node_modules[\\/]zod[\\/]|src[\\/]lib[\\/](facts[\\/](catalog|vocabulary|implications|json|one-line)|engine[\\/](evaluate|findings|missing|jurisdiction|types)|checker[\\/](fragment|controls|draft|messages))\.ts|src[\\/]components[\\/]checker[\\/](storage|dom)\.ts)/,
              },
            ],
          },
        },
      },
    },
  },
});
