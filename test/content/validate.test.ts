/**
 * Content validation: the real content is valid, and each deliberately broken file in
 * test/fixtures/broken-content is rejected with an error naming the file and the field.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readAllContent, readContentFolder } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { root } from '../helpers/content.ts';

const brokenDir = 'test/fixtures/broken-content';
const expected = parse(readFileSync(join(root, brokenDir, 'expected.yaml'), 'utf8')) as Record<
  string,
  { field: string; message: string }
>;
const real = await readAllContent(root);

describe('the real content', () => {
  it('is valid', () => {
    expect(validateContent(real).errors).toEqual([]);
  });
});

describe('broken content fixtures', () => {
  it('has at least 20 cases, each with an expectation', async () => {
    const files = (
      await Promise.all(
        Object.keys(expected)
          .map((k) => k.split('/')[0]!)
          .filter((v, i, a) => a.indexOf(v) === i)
          .map((c) => readContentFolder(root, `${brokenDir}/${c}`)),
      )
    ).flat();
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.map((f) => f.path.slice(brokenDir.length + 1)).sort()).toEqual(
      Object.keys(expected).sort(),
    );
  });

  it.each(Object.entries(expected))(
    'rejects %s naming the file and the field',
    async (name, want) => {
      const [collection] = name.split('/') as [string];
      const file = (await readContentFolder(root, `${brokenDir}/${collection}`)).find((f) =>
        f.path.endsWith(name),
      )!;
      const { errors } = validateContent([...real, { ...file, collection }]);
      expect(errors.length).toBeGreaterThan(0);
      expect(
        errors.every((e) => e.path === file.path),
        'every error names the broken file',
      ).toBe(true);
      expect(errors).toContainEqual(
        expect.objectContaining({
          path: file.path,
          field: want.field,
          message: expect.stringContaining(want.message) as unknown,
        }),
      );
    },
  );
});

describe('the content check script', () => {
  it('exits 1 and names file, field and expectation for a broken tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bvn-content-'));
    try {
      cpSync(join(root, 'src/content'), dir, { recursive: true });
      cpSync(
        join(root, brokenDir, 'policies/unknown-fact.yaml'),
        join(dir, 'policies/unknown-fact.yaml'),
      );
      const result = spawnSync(process.execPath, ['scripts/check-content.ts', '--content', dir], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `${dir}/policies/unknown-fact.yaml: lines[0].criteria.fact: unknown fact "bodyMassIndex"`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes on the real content', () => {
    const result = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
