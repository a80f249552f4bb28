// writeFileAtomic: whole content or nothing, and lines written in parts come out as one joined text.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineBytes, writeFileAtomic } from '../../src/fs/write-atomic.js';

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

describe('lineBytes', () => {
  it('gives, part after part, the UTF-8 of the lines joined by \\n, whatever their lengths and characters', () => {
    // Lines short and long (some longer than a part), with CJK, emoji, lone surrogates and breaks.
    const piece = fc.constantFrom('a', '某', '😀', '\ud800', '\udc00', '\n', '', 'x'.repeat(1000), '网'.repeat(30_000), 'y'.repeat(100_000));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), { maxLength: 30 }), (lines) => {
        const parts: Buffer[] = [];
        // Each part is copied at once: it is a view the next part reuses.
        for (const part of lineBytes(lines)) parts.push(Buffer.from(part));
        expect(Buffer.concat(parts).equals(Buffer.from(lines.join('\n')))).toBe(true);
        expect(parts.every((p) => p.length > 0)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
