// The one order of paths and names in every output: by code point, the same on every machine.
import { describe, expect, it } from 'vitest';
import { comparePaths } from '../../src/util/compare-paths.js';

describe('comparePaths', () => {
  it('orders by code point, not by locale', () => {
    expect(['b', 'B', 'a', '甲', '乙', '_'].sort(comparePaths)).toEqual(['B', '_', 'a', 'b', '乙', '甲']);
  });

  it('calls equal strings equal', () => {
    expect(comparePaths('a/b.yaml', 'a/b.yaml')).toBe(0);
  });
});
