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
  vite: { build: { assetsInlineLimit: 0 } },
});
