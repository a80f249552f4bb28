// Every message exists in Chinese and English, with the same placeholders in both.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOGUES } from '../../src/i18n/catalog.js';
import { CODES } from '../../src/diagnostics/codes.js';
import { ROOT } from '../helpers/run-cli.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('loads every catalogue under src/i18n', async () => {
    const files = readdirSync(join(ROOT, 'src/i18n')).filter((f) => /messages\.ts$/.test(f));
    for (const f of files) await import(pathToFileURL(join(ROOT, 'src/i18n', f)).href);
    expect(CATALOGUES.size).toBeGreaterThanOrEqual(files.length);
  });

  it('has zh and en for every key, with the same placeholders', async () => {
    const files = readdirSync(join(ROOT, 'src/i18n')).filter((f) => /messages\.ts$/.test(f));
    for (const f of files) await import(pathToFileURL(join(ROOT, 'src/i18n', f)).href);
    const problems: string[] = [];
    const all: [string, Record<string, { zh?: string; en?: string }>][] = [['diagnostics', CODES], ...CATALOGUES];
    for (const [name, catalogue] of all) {
      for (const [key, m] of Object.entries(catalogue)) {
        if (!m.zh?.trim()) problems.push(`${name}:${key} has no zh`);
        if (!m.en?.trim()) problems.push(`${name}:${key} has no en`);
        if (m.zh && m.en && placeholders(m.zh).join() !== placeholders(m.en).join()) problems.push(`${name}:${key} placeholders differ`);
      }
    }
    expect(problems).toEqual([]);
  });
});
