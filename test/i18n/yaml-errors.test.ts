// YAML syntax errors in plain words: every text whole (under the length a diagnostic's text is cut at), and yaml's own English only where no plain words are known.
import { describe, expect, it } from 'vitest';
import { YAML_ERROR_TEXTS, yamlErrorText } from '../../src/i18n/diagnostics/yaml-errors.js';
import { EXCERPT_CHARS } from '../../src/util/excerpt.js';

describe('yaml error texts', () => {
  it('are each shorter than a diagnostic\'s text may be, in both languages', () => {
    expect(YAML_ERROR_TEXTS.length).toBeGreaterThan(30);
    for (const { zh, en } of YAML_ERROR_TEXTS) {
      expect(zh.length, zh).toBeLessThan(EXCERPT_CHARS);
      expect(en.length, en).toBeLessThan(EXCERPT_CHARS);
    }
  });

  it('find plain words by yaml\'s message first, then by its code, else keep its English', () => {
    expect(yamlErrorText('MISSING_CHAR', 'Missing , between flow map items at line 3, column 9:\n  a: { b: 1 c: 2 }')).toEqual({
      zh: '花括号 { } 中的两项之间缺少逗号“,”',
      en: 'a comma "," is missing between two entries in braces { }',
    });
    expect(yamlErrorText('TAB_AS_INDENT', 'something new')).toEqual({ zh: '不能用 Tab 缩进，请改用空格', en: 'indent with spaces, not tabs' });
    expect(yamlErrorText('SOMETHING_NEW', 'Something new at line 1, column 2:')).toEqual({ zh: 'YAML 格式不正确', en: 'Something new' });
  });
});
