// Discovery: which files a batch scores, in which order, and how it meets loops and missing paths.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/batch/discover.js';
import { comparePaths } from '../../src/util/compare-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'wangxin-discover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touch(...parts: string[]): void {
  mkdirSync(join(dir, ...parts.slice(0, -1)), { recursive: true });
  writeFileSync(join(dir, ...parts), 'x: 1\n');
}

describe('discoverFiles', () => {
  touch('tree', 'b.yaml');
  touch('tree', 'a.yml');
  touch('tree', 'B.YAML');
  touch('tree', 'z', '乙.yaml');
  touch('tree', 'z', '甲.yaml');
  touch('tree', 'sub', 'deep', 'c.yaml');
  touch('tree', 'notes.txt');
  touch('tree', '.git', 'hidden.yaml');
  touch('tree', 'node_modules', 'pkg', 'x.yaml');
  touch('tree', '.hidden.yaml');
  symlinkSync(join(dir, 'tree'), join(dir, 'tree', 'sub', 'loop'));
  touch('other', 'given.txt');

  it('searches folders recursively for *.yaml/*.yml in code-point order, skipping dot-folders and node_modules', async () => {
    const found = await discoverFiles(['tree'], dir);
    expect(found.files.map((f) => f.file)).toEqual([
      join('tree', '.hidden.yaml'),
      join('tree', 'B.YAML'),
      join('tree', 'a.yml'),
      join('tree', 'b.yaml'),
      join('tree', 'sub', 'deep', 'c.yaml'),
      join('tree', 'z', '乙.yaml'),
      join('tree', 'z', '甲.yaml'),
    ]);
    expect(found.missing).toEqual([]);
  });

  it('reports a symlink loop as a finding and goes on', async () => {
    const found = await discoverFiles(['tree'], dir);
    expect(found.findings).toHaveLength(1);
    expect(found.findings[0]).toMatchObject({ code: 'FILE_UNREADABLE', file: join('tree', 'sub', 'loop') });
    expect(found.findings[0].message.en).toMatch(/loop/);
  });

  it('takes a file named directly whatever its extension, once even if given twice, and lists missing paths', async () => {
    const found = await discoverFiles([join('other', 'given.txt'), 'nope', join('tree', 'a.yml'), 'tree', join(dir, 'missing.yaml')], dir);
    expect(found.missing).toEqual(['nope', join(dir, 'missing.yaml')]);
    const names = found.files.map((f) => f.file);
    expect(names).toContain(join('other', 'given.txt'));
    expect(names.filter((n) => n.endsWith('a.yml'))).toHaveLength(1);
    expect([...names].sort(comparePaths)).toEqual(names);
  });

  it('notes, for a file found in a folder, whether its review is listed beside it; for a file named directly, leaves it to the batch', async () => {
    touch('loop', 'a.yaml');
    touch('loop', 'a.review.yaml');
    touch('loop', 'b.yml');
    touch('loop', 'c.xlsx');
    touch('loop', 'c.review.yaml');
    const found = await discoverFiles(['loop', join('other', 'given.txt')], dir);
    const listed = Object.fromEntries(found.files.map((f) => [f.file, f.reviewListed]));
    expect(listed).toEqual({
      [join('loop', 'a.review.yaml')]: false,
      [join('loop', 'a.yaml')]: true,
      [join('loop', 'b.yml')]: false,
      [join('loop', 'c.review.yaml')]: false,
      [join('loop', 'c.xlsx')]: true,
      [join('other', 'given.txt')]: undefined,
    });
  });
});
