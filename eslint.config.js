// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

// The layer rules of .dependency-cruiser.cjs for the one kind of file it cannot read: the
// frontmatter imports of .astro components and pages (docs/architecture.md).
const astroLayers = {
  paths: [
    {
      name: 'astro:content',
      message:
        'Components and pages read content through src/data (collections.ts, comparison.ts).',
    },
  ],
  patterns: [
    {
      group: ['**/test/**', '**/scripts/**'],
      message: 'Nothing in src imports test/ or scripts/.',
    },
  ],
};

// Typed linting: typescript-eslint's recommended type-checked rules on every TypeScript file
// (.ts, and the frontmatter and scripts of .astro components) and eslint-plugin-astro's
// recommended rules. Formatting is Prettier's job (npm run test:format), not ESLint's.
// Run after `astro sync` (npm run test:lint does both): the types of `astro:content` come from it.
export default defineConfig(
  { ignores: ['dist/', '.astro/', '.tmp/', 'node_modules/', 'coverage/', 'public/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.astro'],
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A closed vocabulary (operators, outcomes, positions, node kinds) is switched over case by
      // case: a `default` does not count as handling the cases it would swallow, and it ends in
      // `unreachable(x)` (src/lib/unreachable.ts), whose `never` parameter makes a new member a
      // type error at every switch.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true },
      ],
      // `const { $schema: _drop, ...rest } = facts` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.astro'],
    languageOptions: {
      parserOptions: { projectService: false, project: './tsconfig.json' },
    },
    rules: {
      // Astro types every template expression as `any` (astroHTML.JSX.Element); `astro check`
      // type-checks the templates instead (npm run test:types).
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/pages/**/*.astro'],
    rules: { 'no-restricted-imports': ['error', astroLayers] },
  },
  {
    files: ['src/components/**/*.astro'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...astroLayers,
          patterns: [
            ...astroLayers.patterns,
            { group: ['**/pages/**'], message: 'Components never import pages.' },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript configuration files run in Node and are not part of the TypeScript program.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
