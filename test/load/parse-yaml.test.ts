// parseQuickly settles a file the cheapest way, and parseLocated then gives exactly parseYaml's diagnostics.
import { describe, expect, it } from 'vitest';
import { parseLocated, parseQuickly } from '../../src/load/parse-positioned.js';
import { parseYaml } from '../../src/load/parse-yaml.js';

const cases: [string, string, 'value' | 'located' | 'neither'][] = [
  ['clean, tiny parser', 'a: 1\nb: { c: [x, "y"] }\n', 'value'],
  ['repeated key, located by the tiny parser', 'a: 1\na: 2\n', 'located'],
  ['collection left open, located by the tiny parser', 'a: { b: 1\nc: { d: 2 }\n', 'located'],
  ['block scalar, js-yaml', 'a: |\n  two\n  lines\n', 'value'],
  ['anchor and alias, yaml alone (both fast parsers leave them)', 'a: &x 1\nb: *x\n', 'neither'],
  ['broken beyond both, yaml alone', 'a: [1, 2\n  - b\n', 'neither'],
  ['a tag, yaml alone', 'a: !!binary aGk=\n', 'neither'],
];

describe('parseQuickly and parseLocated', () => {
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const quick = parseQuickly(text, 'x.yaml');
      const got = quick.value !== undefined ? 'value' : quick.located ? 'located' : 'neither';
      expect(got).toBe(expected);
      const slow = parseYaml(text, 'x.yaml');
      if (quick.value !== undefined) expect(quick.value).toEqual(slow.value);
      const located = parseLocated(quick, text, 'x.yaml');
      expect(located.diagnostics).toEqual(slow.diagnostics);
      expect(located.value).toEqual(slow.value);
      if (slow.value !== undefined) expect(located.locate?.([], {})).toEqual(slow.locate?.([], {}));
    });
  }
});
