// Every message exists in Chinese and English, with the same placeholders in both, in one catalogue per concern.
import { describe, expect, it } from 'vitest';
import { CATALOGUES, mergeCatalogues } from '../../src/i18n/catalog.js';
import { CODES } from '../../src/diagnostics/codes.js';
import { localized, translate } from '../../src/i18n/translate.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('are one per concern: diagnostics, report wording, command line', () => {
    expect([...CATALOGUES.keys()].sort()).toEqual(['cli', 'diagnostics', 'report']);
    for (const catalogue of CATALOGUES.values()) expect(Object.keys(catalogue).length).toBeGreaterThan(50);
  });

  it('have zh and en for every key, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [name, catalogue] of CATALOGUES) {
      for (const [key, m] of Object.entries(catalogue)) {
        if (typeof m.zh !== 'string' || !m.zh.trim()) problems.push(`${name}:${key} has no zh`);
        if (typeof m.en !== 'string' || !m.en.trim()) problems.push(`${name}:${key} has no en`);
        if (m.zh && m.en && placeholders(m.zh).join() !== placeholders(m.en).join()) problems.push(`${name}:${key} placeholders differ`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('share no key between concerns (one translate function looks them all up)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, catalogue] of CATALOGUES) {
      for (const key of Object.keys(catalogue)) {
        if (owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${name}`);
        owner.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('hold every diagnostic code, and the translate function finds each message', () => {
    const diagnostics = CATALOGUES.get('diagnostics')!;
    for (const code of Object.keys(CODES)) expect(diagnostics[code]).toBe(CODES[code as keyof typeof CODES]);
    expect(translate('en', 'FILE_UNREADABLE', { reason: 'x' })).toBe('cannot read the file: x');
    expect(translate('zh', 'cli.error.badLang')).toBe('--lang 只能是 zh 或 en');
    expect(translate('en', 'md.title')).toBe('Batch self-check summary');
  });

  it('fill a localized parameter with the text of each language', () => {
    expect(localized('diag.schema.exactlyOne', { list: { zh: 'a / b', en: 'a, b' } })).toEqual({
      zh: '必须有且只有以下之一：a / b',
      en: 'must have exactly one of: a, b',
    });
  });

  it('refuse a key defined twice within a concern', () => {
    expect(() => mergeCatalogues('test-dup', { one: { k: { zh: '一', en: 'one' } }, two: { k: { zh: '二', en: 'two' } } })).toThrow(
      'message "k" is defined twice in the test-dup catalogue (one and two)',
    );
    CATALOGUES.delete('test-dup');
  });
});
