// Differential tests: the fast parse must give exactly the positioned parse's value, or bail out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/load/fast-parse.js';
import { parseYaml } from '../../src/load/parse-yaml.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'answers');
const examples = readdirSync(EXAMPLES).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));

/** The property: when the fast parse answers, the positioned parse agrees and has nothing to say. */
function agrees(text: string): boolean {
  const fast = fastParse(text);
  if (!fast.ok) return true;
  const slow = parseYaml(text, 'x.yaml');
  return slow.diagnostics.length === 0 && isDeepStrictEqual(fast.value, slow.value);
}

// YAML 1.1 vs 1.2 traps, number forms, odd keys and syntax that parsers disagree on.
const TRAPS = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'NO', 'True', 'TRUE', 'false', 'FALSE', 'tRue',
  '~', 'null', 'Null', 'NULL', 'nULL', '', '0o17', '0o8', '017', '0x1F', '0X1F', '-0x1', '0b101', '1_000', '+1', '-1', '+0', '-0',
  '1.0', '1.', '.5', '+.5', '-.5', '1e3', '1E3', '1e+3', '1.5e-3', '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', 'inf', 'nan',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '12:30:00', '1:20', '190:20:30', '1.10', '0.1.2', '1.0.0', '0.75', '1.5', '999999999999999999999',
  '"quoted"', "'single'", '"a\\tb"', '"\\u00e9"', '"multi\n  line"', '会议纪要.pdf', '2026-03-会议纪要.pdf', 'a#b', 'a #b', 'http://x/y?z=1',
  '=', '<<', '-', '?', '- a', '[a, b]', '{a: 1}', '[]', '{}', '!!str 1', '!tag x', '&a x', '*a', '|\n  block', '>-\n  folded', '|2\n   x',
];

describe('fastParse', () => {
  it('reads every example answer file, identically to the positioned parse', () => {
    for (const text of examples) {
      const fast = fastParse(text);
      expect(fast.ok).toBe(true);
      expect(fast.ok && fast.value).toEqual(parseYaml(text, 'x.yaml').value);
    }
  });

  it('agrees on every trap scalar, as a value and as a key', () => {
    for (const trap of TRAPS) {
      expect(agrees(`a: ${trap}\n`), `value ${JSON.stringify(trap)}`).toBe(true);
      expect(agrees(`${trap}: x\n`), `key ${JSON.stringify(trap)}`).toBe(true);
      expect(agrees(`a: [${trap}]\n`), `flow ${JSON.stringify(trap)}`).toBe(true);
      expect(agrees(`a: { k: ${trap} }\n`), `flow map ${JSON.stringify(trap)}`).toBe(true);
    }
  });

  it('resolves YAML 1.2 core scalars as the yaml package does (not as YAML 1.1)', () => {
    const fast = fastParse('a: yes\nb: 0o17\nc: 1_000\nd: 2001-12-14\ne: 0x1F\nf: ~\ng: 1.10\nh: True\n');
    expect(fast).toEqual({ ok: true, value: { a: 'yes', b: 15, c: '1_000', d: '2001-12-14', e: 31, f: null, g: 1.1, h: true } });
  });

  it('bails out on keys that a number or boolean became, on tags, anchors, tabs, directives and documents', () => {
    for (const text of ['1.10: x\n', 'true: x\n', '~: x\n', 'a: !!str 1\n', 'a: &x 1\nb: *x\n', 'a:\n\tb: 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a: "x"#c\n', '? a\n: b\n', '__proto__: 1\n', 'a: 1\r\n']) {
      expect(fastParse(text).ok, JSON.stringify(text)).toBe(false);
    }
  });

  it('bails out on what it cannot read (syntax errors, duplicate keys, non-mappings)', () => {
    for (const text of ['a: [\n', 'a: 1\na: 2\n', '- a\n', '', 'just text\n', 'a: "x" y\n']) {
      expect(fastParse(text).ok, JSON.stringify(text)).toBe(false);
      expect(agrees(text)).toBe(true);
    }
  });

  it('agrees on generated documents built from trap scalars in every style (property)', () => {
    const scalar = fc.oneof(
      fc.constantFrom(...TRAPS),
      fc.string({ unit: fc.constantFrom('a', '1', '.', '-', '+', '_', ':', '#', ' ', '"', "'", 'e', 'x', 'o', '0', '中', '\\', '[', ']', '{', '}', ',') , maxLength: 8 }),
    );
    const key = fc.oneof(fc.constantFrom('A1.1.1', 'status', 'value', 'note', 'd1', '1.10', '10', 'yes', 'on', '"q"', "'s'"), fc.stringMatching(/^[A-Za-z][\w.]{0,6}$/));
    const line = fc.tuple(fc.integer({ min: 0, max: 2 }), key, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`), fc.array(fc.tuple(key, scalar), { maxLength: 3 }).map((ps) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(', ')} }`)));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const text = lines.map(([indent, k, v]) => `${'  '.repeat(indent)}${k}: ${v}`).join('\n') + '\n';
        return agrees(text);
      }),
      { numRuns: 3000, seed: 20180420 },
    );
  });

  it('agrees on mutated example files: characters inserted, deleted and replaced (property)', () => {
    const alphabet = fc.constantFrom(' ', '\n', ':', '-', '#', '"', "'", '{', '}', '[', ']', ',', '1', '.', '_', 'a', 'y', '~', '!', '&', '*', '|', '>', '?', '%', '\t', '中');
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(alphabet, { maxLength: 3 }).map((cs) => cs.join('')));
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        let text = examples[which];
        for (const [at, remove, insert] of edits) {
          const pos = at % (text.length + 1);
          text = text.slice(0, pos) + insert + text.slice(pos + remove);
        }
        return agrees(text);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});
