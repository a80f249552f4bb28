// A unit's identity: names that look the same are the same unit (NFC, no zero-width or bidi controls, spaces trimmed); blank text is blank.
import { describe, expect, it } from 'vitest';
import { isBlankText, unitIdentity, unitKey } from '../../src/model/identity.js';

describe('unitKey', () => {
  it('is the same for names that look the same', () => {
    const key = unitKey('某某镇党委', 'township');
    expect(unitKey('某某\u200b镇党委', 'township')).toBe(key);
    expect(unitKey(' 某某镇党委\u3000', 'township')).toBe(key);
    expect(unitKey('\u202e某某镇党委\u202c', 'township')).toBe(key);
    expect(unitKey('某某\ufeff镇\u2060党委', 'township')).toBe(key);
    expect(unitKey('Cafe\u0301', 'township')).toBe(unitKey('Caf\u00e9', 'township'));
  });

  it('tells different names and different types apart', () => {
    expect(unitKey('某某镇党委', 'township')).not.toBe(unitKey('某某镇党委', 'department'));
    expect(unitKey('某某镇', 'township')).not.toBe(unitKey('某某乡', 'township'));
    expect(unitKey('a b', 'township')).not.toBe(unitKey('ab', 'township'));
    expect(unitIdentity('  A\u200bB  ')).toBe('AB');
  });
});

describe('isBlankText', () => {
  it('counts text made only of spaces and invisible characters as blank', () => {
    for (const text of [undefined, '', '   ', '\u200b', '\u200b\u200d\ufeff', '\u202e \u202c', '\u3000']) expect(isBlankText(text), JSON.stringify(text)).toBe(true);
    for (const text of ['x', ' 说明 ', '\u200b有理由']) expect(isBlankText(text), text).toBe(false);
  });
});
