// Every user-visible string lives in a catalogue under src/i18n: no `{ zh: '…', en: '…' }` text elsewhere in src/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A `zh:` property whose value is written as a string literal: text that belongs in a catalogue. */
const INLINE_TEXT = /\bzh\s*:\s*['"`]/;

/** Lines of TypeScript under `dir` (outside src/i18n) that write Chinese text inline. */
function findInlineTexts(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const shown = relative(root, path).split('\\').join('/');
      if (entry.isDirectory()) {
        if (shown !== 'src/i18n') walk(path);
      } else if (entry.name.endsWith('.ts')) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (INLINE_TEXT.test(line) && !/^\s*(\/\/|\*)/.test(line)) found.push(`${shown}:${i + 1}: ${line.trim()}`);
          });
      }
    }
  };
  walk(join(root, 'src'));
  return found;
}

describe('messages', () => {
  it('are all in the catalogues of src/i18n, none written inline elsewhere in src/', () => {
    expect(findInlineTexts(ROOT)).toEqual([]);
  });

  it('are found when written inline (the check itself)', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'wangxin-inline-'));
    try {
      mkdirSync(join(root, 'src', 'report'), { recursive: true });
      mkdirSync(join(root, 'src', 'i18n'), { recursive: true });
      writeFileSync(join(root, 'src', 'report', 'x.ts'), "const a = 1;\nconst label = { zh: '优秀', en: 'Excellent' };\n// { zh: 'in a comment' }\n");
      writeFileSync(join(root, 'src', 'i18n', 'y.ts'), "export const M = { k: { zh: '一', en: 'one' } };\n");
      expect(findInlineTexts(root)).toEqual(["src/report/x.ts:2: const label = { zh: '优秀', en: 'Excellent' };"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
