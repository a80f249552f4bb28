// parseYaml, the one way into YAML: whichever parser reads a text, the result is yaml's, with or without positions.
import { describe, expect, it } from 'vitest';
import { parseYaml, withPositions } from '../../src/load/parse-yaml.js';
import { parseWithYaml } from '../../src/load/yaml-parser.js';

const cases: [string, string, 'tiny value' | 'located'][] = [
  ['clean, tiny reader', 'a: 1\nb: { c: [x, "y"] }\n', 'tiny value'],
  ['CRLF line ends, tiny reader', 'a: 1\r\nb:\r\n  c: [x, "y"]\r\n', 'tiny value'],
  ['a BOM, tiny reader', '\ufeffa: 1\nb: x\n', 'tiny value'],
  ['repeated key, located by the tiny reader', 'a: 1\na: 2\n', 'located'],
  ['collection left open, located by the tiny reader', 'a: { b: 1\nc: { d: 2 }\n', 'located'],
  ['block scalar, yaml', 'a: |\n  two\n  lines\n', 'located'],
  ['note folded over lines, tiny reader', 'a:\n  note: one\n    two\n', 'tiny value'],
  ['note folded after a comment, yaml', 'a:\n  note: one # c\n    two\n', 'located'],
  ['anchor and alias, yaml', 'a: &x 1\nb: *x\n', 'located'],
  ['broken beyond the tiny reader, yaml', 'a: [1, 2\n  - b\n', 'located'],
  ['a tag, yaml', 'a: !!binary aGk=\n', 'located'],
  ['a lone CR, yaml', 'a: 1\rb: 2\n', 'located'],
];

describe('parseYaml', () => {
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const slow = parseWithYaml(text, 'x.yaml');
      const quick = parseYaml(text, 'x.yaml', { positions: false });
      expect(quick.locate || quick.value === undefined ? 'located' : 'tiny value').toBe(expected);
      expect(quick.value).toEqual(slow.value);
      expect(quick.diagnostics).toEqual(slow.diagnostics);
      for (const located of [parseYaml(text, 'x.yaml'), withPositions(quick)]) {
        expect(located.diagnostics).toEqual(slow.diagnostics);
        expect(located.value).toEqual(slow.value);
        if (slow.value !== undefined) {
          expect(located.locate).toBeDefined();
          expect(located.locate?.([], {})).toEqual(slow.locate?.([], {}));
        }
      }
    });
  }

  it('never throws, and says what is wrong where, on an empty file and on a sequence', () => {
    expect(parseYaml('', 'x.yaml', { positions: false }).diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['YAML_EMPTY', 1, 1]]);
    const list = parseYaml('- a\n- b\n', 'x.yaml', { positions: false });
    expect(list.value).toEqual(['a', 'b']);
    expect(list.locate).toBeDefined();
  });
});
