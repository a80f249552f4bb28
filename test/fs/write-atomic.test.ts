// writeFileAtomic: whole content or nothing, and lines written in parts come out as one joined text.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/fs/write-atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'wangxin-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes lines joined by \\n, across part boundaries and multi-byte characters, with no temporary file left', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `| ${i} | 某某镇党委${i} | 😀 ${'x'.repeat(i % 17)} |`);
    const file = join(dir, 'lines.md');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, lines);
    expect(readFileSync(file, 'utf8')).toBe(lines.join('\n'));
    expect(readdirSync(dir)).toEqual(['lines.md']);
    await writeFileAtomic(file, ['only']);
    expect(readFileSync(file, 'utf8')).toBe('only');
    await writeFileAtomic(file, []);
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('rejects, writing nothing, where the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.md'), ['a'])).rejects.toThrow();
    expect(readFileSync(join(dir, 'lines.md'), 'utf8')).toBe('');
  });
});
