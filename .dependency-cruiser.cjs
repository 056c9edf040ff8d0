// The import layers of docs/architecture.md, checked by `npm run test:layers`. Each rule's
// comment is the message a violation prints. dependency-cruiser reads .ts/.js/.mjs files; it
// cannot read the frontmatter of .astro files, so the same rules for those are in
// eslint.config.js (no-restricted-imports), run by `npm run test:lint`.

/** Features built on the engine (layer 3 of docs/architecture.md). */
const features = 'compare|checker|appeal|citations|charts|evidence|feed|format|search|content';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in a circle: move what both need into a third module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-pure',
      severity: 'error',
      comment:
        'src/lib is pure TypeScript shared by the pages, the browser, the CLI and the tests: it imports no Astro module (astro/zod, a plain re-export of zod, excepted), nothing from the Astro data layer, loaders, components or pages, and no file or network module.',
      from: { path: '^src/lib/' },
      to: {
        path: [
          '^src/(data|loaders|components|pages|styles)/',
          '^src/content\\.config\\.ts$',
          '^astro:',
          '^node_modules/astro/',
          '^(node:)?(fs|fs/promises|child_process|http|https|net|os|path|url|worker_threads)$',
        ],
        pathNot: ['^node_modules/astro/(dist/zod\\.js|zod\\.d\\.ts)'],
      },
    },
    {
      name: 'vocabulary-is-the-bottom',
      severity: 'error',
      comment:
        'src/lib/facts (the fact catalogue and PatientFacts) is the bottom layer: it imports no other part of src/lib.',
      from: { path: '^src/lib/facts/' },
      to: { path: '^src/lib/', pathNot: ['^src/lib/facts/', '^src/lib/unreachable\\.ts$'] },
    },
    {
      name: 'schemas-below-engine',
      severity: 'error',
      comment:
        'Schemas (src/lib/schema) describe content; they import only the fact vocabulary, not the engine or the features built on it.',
      from: { path: '^src/lib/schema/' },
      to: { path: `^src/lib/(criteria|engine|${features})/` },
    },
    {
      name: 'engine-below-features',
      severity: 'error',
      comment:
        'The engine (src/lib/criteria, src/lib/engine) imports only schemas and the fact vocabulary; text formatting, citations and comparisons are built on it, not in it.',
      from: { path: '^src/lib/(criteria|engine)/' },
      to: { path: `^src/lib/(${features})/` },
    },
    {
      name: 'loaders-below-astro-data',
      severity: 'error',
      comment:
        'Content loaders (src/loaders) read files for Astro, the CLI and the tests; they import src/lib only, never the Astro data layer, components or pages.',
      from: { path: '^src/loaders/' },
      to: { path: '^src/(data|components|pages)/' },
    },
    {
      name: 'astro-data-below-pages',
      severity: 'error',
      comment:
        'The Astro data layer (src/data) serves components and pages; it never imports them.',
      from: { path: '^src/data/' },
      to: { path: '^src/(components|pages)/' },
    },
    {
      name: 'components-below-pages',
      severity: 'error',
      comment: 'Components never import pages.',
      from: { path: '^src/components/' },
      to: { path: '^src/pages/' },
    },
    {
      name: 'collections-through-src-data',
      severity: 'error',
      comment:
        'Only the Astro data layer (src/data) and src/content.config.ts read the collections (astro:content); components and pages ask src/data.',
      from: { pathNot: ['^src/data/', '^src/content\\.config\\.ts$'] },
      to: { path: '^astro:content$' },
    },
    {
      name: 'site-never-imports-tests-or-scripts',
      severity: 'error',
      comment:
        'Nothing in src imports test/ or scripts/: the site is built from src alone, and test fixtures never reach the production build.',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'scripts-never-import-tests',
      severity: 'error',
      comment:
        'Scripts never import test/: code that both need lives in scripts/lib (tooling) or src/lib (domain), and the tests import it from there.',
      from: { path: '^scripts/' },
      to: { path: '^test/' },
    },
    {
      name: 'site-uses-no-dev-dependency',
      severity: 'error',
      comment:
        'Code in src may only use runtime dependencies (package.json "dependencies"); devDependencies are for scripts and tests.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file or package (Astro virtual modules excepted).',
      from: {},
      to: { couldNotResolve: true, pathNot: ['^astro:'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(src/content|test/fixtures)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    extraExtensionsToScan: ['.astro', '.json', '.css'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
    },
  },
};
