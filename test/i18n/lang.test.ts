// Choosing the language and filling message templates: the split templates fill exactly as the placeholder pattern defines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectLang, fill } from '../../src/i18n/lang.js';

/** fill by its definition: every placeholder matched and replaced in one pass over the template. */
function fillByPattern(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in params)) return whole;
    if (one === undefined) return String(params[name]);
    return Number(params[name]) === 1 ? one : other!;
  });
}

describe('fill', () => {
  it('fills placeholders, plurals and leaves unknown ones, as the pattern does, on any template', () => {
    // Templates of fragments that make placeholders, broken ones and plain text (braces and bars included).
    const fragment = fc.constantFrom('{a}', '{b}', '{n|one|many}', '{a|x|}', '{ a}', '{', '}', '|', '{n|x}', '{{a}}', '文字', ' ', 'x', '{c}', '');
    const value = fc.oneof(fc.constant(1), fc.constant('1'), fc.integer({ min: -2, max: 3 }), fc.string({ maxLength: 4 }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), fc.dictionary(fc.constantFrom('a', 'b', 'n'), value), (fragments, params) => {
        const template = fragments.join('');
        // Twice: the second fill takes the template already split.
        expect(fill(template, params)).toBe(fillByPattern(template, params));
        expect(fill(template, params)).toBe(fillByPattern(template, params));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns a template without placeholders as it is, and the empty template as empty', () => {
    expect(fill('没有占位符')).toBe('没有占位符');
    expect(fill('')).toBe('');
    expect(fill('{missing} 与 {n}', { n: 2 })).toBe('{missing} 与 2');
  });
});

describe('detectLang', () => {
  it('takes the first of LC_ALL, LC_MESSAGES and LANG that names a language; C and POSIX name none', () => {
    expect(detectLang({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe('en');
    expect(detectLang({ LC_MESSAGES: 'POSIX', LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(detectLang({ LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang({ LC_ALL: 'C' })).toBe('zh');
    expect(detectLang({})).toBe('zh');
    expect(detectLang({ LANG: 'en' })).toBe('en');
  });
});
