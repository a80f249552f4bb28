// Differential tests: the tiny reader must give exactly yaml's value, or bail out; parseYaml without positions the same value and diagnostics as yaml.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { parseWithYaml } from '../../src/load/yaml-parser.js';
import { tinyParse, tinyParsePositioned } from '../../src/load/tiny-parse.js';
import { generateFiles } from '../../scripts/bench/generate.mjs';

import { editChars, editLines, examples, ROOT, SCALARS, SIGNIFICANT, trackedYaml, TRAPS } from '../helpers/yaml-corpus.js';

/** The entry's property: without positions, parseYaml says what yaml says (value and diagnostics). */
function agrees(text: string): boolean {
  const quick = parseYaml(text, 'x.yaml', { positions: false });
  const slow = parseWithYaml(text, 'x.yaml');
  return isDeepStrictEqual(quick.value, slow.value) && isDeepStrictEqual(quick.diagnostics, slow.diagnostics);
}

describe('parseYaml without positions', () => {
  it('reads every example answer file with the tiny reader, identically to yaml', () => {
    for (const text of examples) {
      const quick = parseYaml(text, 'x.yaml', { positions: false });
      expect(quick.locate).toBeUndefined();
      expect(quick.value).toEqual(parseWithYaml(text, 'x.yaml').value);
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
    const quick = parseYaml('a: yes\nb: 0o17\nc: 1_000\nd: 2001-12-14\ne: 0x1F\nf: ~\ng: 1.10\nh: True\n', 'x.yaml', { positions: false });
    expect(quick.value).toEqual({ a: 'yes', b: 15, c: '1_000', d: '2001-12-14', e: 31, f: null, g: 1.1, h: true });
  });

  it('agrees on what the tiny reader leaves to yaml: non-string keys, tags, anchors, tabs, directives, documents, errors', () => {
    for (const text of ['1.10: x\n', 'true: x\n', '~: x\n', 'a: !!str 1\n', 'a: &x 1\nb: *x\n', 'a:\n\tb: 1\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\nb: 2\n', 'a: "x"#c\n', '? a\n: b\n', '__proto__: 1\n', 'a: 1\rb: 2\n', 'a: [\n', 'a: 1\na: 2\n', '- a\n', '', 'just text\n', 'a: "x" y\n']) {
      expect(agrees(text), JSON.stringify(text)).toBe(true);
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
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, crlf) => {
        const text = lines.map(([indent, k, v]) => `${'  '.repeat(indent)}${k}: ${v}`).join(crlf ? '\r\n' : '\n') + '\n';
        return agrees(text);
      }),
      { numRuns: 3000, seed: 20180420 },
    );
  });

  it('agrees on mutated example files: characters inserted, deleted and replaced (property)', { timeout: 120_000 }, () => {
    const alphabet = fc.constantFrom(' ', '\n', '\r', ':', '-', '#', '"', "'", '{', '}', '[', ']', ',', '1', '.', '_', 'a', 'y', '~', '!', '&', '*', '|', '>', '?', '%', '\t', '中');
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(alphabet, { maxLength: 3 }).map((cs) => cs.join('')));
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
        return agrees(editChars(examples[which], edits));
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});

/** The tiny parser's property: when it answers, the positioned parse agrees exactly and has nothing to say. */
function tinyAgrees(text: string): boolean {
  const tiny = tinyParse(text);
  if (tiny === undefined) return true;
  const slow = parseYaml(text, 'x.yaml');
  return slow.diagnostics.length === 0 && isDeepStrictEqual(tiny, slow.value) && samePrototypes(tiny, slow.value);
}

/** Whether every object and array in `a` has the prototype of its counterpart in `b` (deep equality alone does not look). */
function samePrototypes(a: unknown, b: unknown): boolean {
  if (a === null || typeof a !== 'object') return true;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  for (const key of Object.keys(a)) {
    if (!samePrototypes((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

describe('tinyParse', () => {
  const tracked = trackedYaml();

  it('gives the same keys when it has read them before: prefixes, look-alikes, thousands of keys sharing slots, and keys that are not strings never taken as strings', () => {
    const same = (text: string): void => expect(tinyParse(text)).toEqual(parseWithYaml(text, 'k.yaml').value);
    const keys = ['A1', 'A1.1', 'A1.1.1', 'A1.1.10', 'a1.1.1', 'status', 'statu', 'statuss', 'note', 'evidence', '金', '金河'];
    for (let round = 0; round < 3; round++) same(keys.map((k, i) => `${k}: ${i}`).join('\n') + '\n');
    // Thousands of distinct keys: most slots are taken over by another key, then read again.
    const many = Array.from({ length: 9000 }, (_, i) => `k${i.toString(36)}: ${i}`).join('\n') + '\n';
    same(many);
    same(many);
    // A key that resolves to a number, a boolean or null is the general parser's business, every time.
    for (const key of ['1', 'true', 'null', '0x10', '.5']) {
      expect(tinyParse(`${key}x: 1\n`)).toEqual({ [`${key}x`]: 1 });
      expect(tinyParse(`${key}: 1\n`)).toBeUndefined();
      expect(tinyParse(`a: { ${key}: 1 }\n`)).toBeUndefined();
    }
  });

  it('reads every example answer file, identically to the positioned parse', () => {
    for (const text of examples) {
      const tiny = tinyParse(text);
      expect(tiny).toBeDefined();
      expect(tinyAgrees(text)).toBe(true);
    }
  });

  it('agrees on (or bails out of) every YAML file in the repository', () => {
    expect(tracked.length).toBeGreaterThan(50);
    for (const { file, text } of tracked) expect(tinyAgrees(text), file).toBe(true);
  });

  it('agrees on 10,000 generated bench files in every writer\'s style, and reads nearly all of them', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'wangxin-tiny-'));
    try {
      const files = generateFiles(dir, 10_000, { seed: 20180420, checklistFile: join(ROOT, 'checklists', 'county-cyber-2018.yaml') });
      let read = 0;
      const styles = new Map<string, number>();
      for (const { file, kind, style } of files) {
        const text = readFileSync(file, 'utf8'); // a BOM included
        const tiny = tinyParse(text);
        if (tiny !== undefined) {
          read++;
          for (const s of style.split('+')) styles.set(s, (styles.get(s) ?? 0) + 1);
        }
        if (kind === 'bad-yaml' || kind === 'duplicate-key' || kind === 'tab-indent') expect(tiny, file).toBeUndefined();
        expect(tinyAgrees(text), file).toBe(true);
      }
      expect(read).toBeGreaterThan(9_000);
      // Every writer's style is read: flow, block, folded notes, quoted keys, CR LF, BOM.
      for (const s of ['flow', 'block', 'folded', 'quoted-keys', 'crlf', 'bom']) expect(styles.get(s) ?? 0, s).toBeGreaterThan(900);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves scalars as the yaml core schema does, keys always strings', () => {
    expect(tinyParse('a: yes\nb: 0o17\nc: 1_000\nd: 2001-12-14\ne: 0x1F\nf: ~\ng: 1.10\nh: True\ni: .inf\nj: 1e3\nk: +1\nl:\nm: -.inf\nn: .NaN\n')).toEqual({
      a: 'yes', b: 15, c: '1_000', d: '2001-12-14', e: 31, f: null, g: 1.1, h: true, i: Infinity, j: 1000, k: 1, l: null, m: -Infinity, n: NaN,
    });
    expect(tinyParse("a: { b: [x, 'y''s', \"z\"], c: { d: 2 } }\n'q': 1 # note\n")).toEqual({ a: { b: ['x', "y's", 'z'], c: { d: 2 } }, q: 1 });
    expect(tinyParse('a:\n  evidence:\n    - a.pdf\n    - "b.pdf"\n  list:\n  - 1\nb: x#y\n')).toEqual({ a: { evidence: ['a.pdf', 'b.pdf'], list: [1] }, b: 'x#y' });
  });

  it('reads CRLF line ends and a leading BOM (Windows editors) as yaml does', () => {
    for (const text of ['\ufeffa: 1\r\nb:\r\n- x\r\n- "y"\r\nc:\r\n  d: { e: [1] }  # c\r\n', 'a: 1\r\nb: x  \r\n', '\ufeffa: 1\n']) {
      expect(tinyParse(text), JSON.stringify(text)).toBeDefined();
      expect(tinyAgrees(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('keeps no state between parses: the same answers in any order, with positioned parses (which parse an entry inside) in between', () => {
    const texts = [...examples, 'a: 1\n\t  b: { c: 1 }\nd: 2\n', 'a: { b: 1\nc: { d: 2 }\n', 'a: 1\na: 2\n', 'a: [x,\n', 'a: 1\r\nb: [x]\r\n'];
    const plain = texts.map((t) => tinyParse(t));
    const positioned = texts.map((t) => tinyParsePositioned(t, 'x.yaml')?.diagnostics);
    const reversed = [...texts].reverse().map((t) => [tinyParsePositioned(t, 'x.yaml')?.diagnostics, tinyParse(t)]).reverse();
    expect(reversed.map(([, v]) => v)).toEqual(plain);
    expect(reversed.map(([d]) => d)).toEqual(positioned);
    // No module-level mutable state: every parse's state lives in its own reader object.
    expect(readFileSync(join(ROOT, 'src', 'load', 'tiny-parse.ts'), 'utf8')).not.toMatch(/^(?:export )?(?:let|var) /m);
  });

  it('reads a plain value folded over lines (long notes) as yaml does, and leaves every doubtful continuation to yaml', () => {
    expect(tinyParse('a:\n  note: 一二三\n    四五六  \n    七八\n  x: 1\nb: c\n d\n')).toEqual({ a: { note: '一二三 四五六 七八', x: 1 }, b: 'c d' });
    for (const text of ['a: 1\n  2\n', 'a:\n  b: x\n     y\n  c: 2\n', 'a: b\r\n  c\r\n']) {
      expect(tinyParse(text), JSON.stringify(text)).toBeDefined();
      expect(tinyAgrees(text), JSON.stringify(text)).toBe(true);
    }
    // A comment, a blank line, `: `, a dash, a quote or a bracket in the way; a quoted or flow first line.
    for (const text of ['a: x # c\n  y\n', 'a: x\n\n  y\n', 'a: x\n  y: z\n', 'a: x\n  - y\n', 'a: x\n  # c\n  y\n', 'a: x\n  "y"\n', 'a: "q"\n  y\n', 'a: [x]\n  y\n', 'a: x\n  y #c\n', 'a: x\n  [y]\n']) {
      expect(tinyParse(text), JSON.stringify(text)).toBeUndefined();
    }
    // With positions too: the span runs from the first character to the end of the last line's text, as yaml's.
    for (const text of ['a: x\n  y  \nb: 1\n', 'm:\r\n  a: x\r\n    y\r\n', 'a: x\n  y']) {
      const tiny = tinyParsePositioned(text, 'x.yaml')!;
      const slow = parseWithYaml(text, 'x.yaml');
      expect(tiny.value, JSON.stringify(text)).toEqual(slow.value);
      for (const path of [[], ['a'], ['m'], ['m', 'a'], ['b']]) expect(tiny.locate!(path), JSON.stringify([text, path])).toEqual(slow.locate!(path));
    }
  });

  it('bails out on syntax it does not own', () => {
    const refused = [
      '', '# only a comment\n', '- a\n', '  a: 1\n', 'a: 1\rb: 2\n', 'a: 1\r', 'a: x\r y\r\n', 'a:\n\tb: 1\n', 'a: &x 1\n', 'a: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n',
      '---\na: 1\n', 'a: 1\n...\n', 'a: |\n  x\n', 'a: >\n  x\n', 'a: "x\n  y"\n', 'a: [x,\n  y]\n', '? a\n: b\n', 'a: 1\na: 2\n',
      'a: { b: 1, b: 2 }\n', '1.10: x\n', 'true: x\n', '~: x\n', '__proto__: 1\n', 'a: { __proto__: 1 }\n', '"__proto__": 1\n', 'a: "x\\ty"\n',
      'a: b: c\n', 'a: [x] y\n', 'a: {b: 1}#c\n', 'a: "x"#c\n', 'a: "x" y\n', 'a:\n  b: 1\n c: 2\n', 'a:\n  -\n', 'a:\n  - b: 1\n', 'a: [x,]\n',
      'a: { b }\n', 'a: { b: }\n', 'a: [a: b]\n', '[a]: x\n', 'a : 1\n', 'a:b\n', 'a: - x\n', 'a: @x\n', 'a: `x`\n', '<<: 1\n', 'a: \ufeffx\n',
    ];
    for (const text of refused) expect(tinyParse(text), JSON.stringify(text)).toBeUndefined();
  });

  it('agrees on every trap scalar, as a value, a key, a flow item and a sequence entry', () => {
    for (const s of SCALARS) {
      for (const text of [`a: ${s}\n`, `${s}: x\n`, `a: [${s}]\n`, `a: [x, ${s}]\n`, `a: { k: ${s} }\n`, `a: { ${s}: 1 }\n`, `a:\n  - ${s}\n`, `a:\n  b: ${s} # c\n`]) {
        expect(tinyAgrees(text), JSON.stringify(text)).toBe(true);
      }
    }
  });

  it('agrees on 20,000 mutated example and generated files (property)', { timeout: 300_000 }, () => {
    const sources = [...examples, ...tracked.filter((t) => t.file.startsWith('test/fixtures/batch/')).map((t) => t.text)];
    const charEdit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(fc.constantFrom(...SIGNIFICANT), { maxLength: 3 }).map((cs) => cs.join('')));
    const lineEdit = fc.tuple(fc.nat({ max: 6 }), fc.nat(), fc.nat(), fc.constantFrom(...SCALARS));
    let answered = 0;
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(charEdit, { maxLength: 3 }), fc.array(lineEdit, { maxLength: 3 }), (which, chars, lines) => {
        const text = editChars(editLines(sources[which], lines), chars);
        if (tinyParse(text) !== undefined) answered++;
        return tinyAgrees(text);
      }),
      { numRuns: 20_000, seed: 20180420 },
    );
    // The property means little if the parser bails on everything: most mutants must be answered.
    expect(answered).toBeGreaterThan(3_000);
    console.log(`tinyParse answered ${answered} of 20000 mutants`);
  });

  it('agrees on small documents built from trap scalars in every style (property)', { timeout: 120_000 }, () => {
    const scalar = fc.oneof(fc.constantFrom(...SCALARS), fc.string({ unit: fc.constantFrom(...SIGNIFICANT, 'e', 'x', 'o', '0', '+'), maxLength: 8 }));
    const key = fc.oneof(fc.constantFrom('A1.1.1', 'status', 'note', 'evidence', '1.10', 'yes', '"q"', "'s'"), fc.stringMatching(/^[A-Za-z][\w.]{0,6}$/));
    const value = fc.oneof(
      scalar,
      fc.constant(''),
      fc.array(scalar, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
      fc.array(fc.tuple(key, scalar), { maxLength: 3 }).map((ps) => `{ ${ps.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    );
    // Top-level keys with an inline value, a nested mapping or a block sequence (at the key's
    // indentation or deeper), so that many documents are well formed and the comparison bites.
    const entry = fc.tuple(
      key,
      fc.oneof(
        value.map((v) => ` ${v}`),
        fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 3 }).map((ps) => ps.map(([k, v]) => `\n  ${k}: ${v}`).join('')),
        fc.tuple(fc.constantFrom('', '  '), fc.array(value, { minLength: 1, maxLength: 3 })).map(([ind, vs]) => vs.map((v) => `\n${ind}- ${v}`).join('')),
        // A value folded over lines (long notes), at the top or in a nested mapping.
        fc.tuple(scalar, fc.array(fc.tuple(fc.constantFrom(' ', '  ', '    '), scalar), { minLength: 1, maxLength: 3 })).map(([v, rest]) => ` ${v}${rest.map(([ind, r]) => `\n${ind}${r}`).join('')}`),
        fc.tuple(key, scalar, fc.array(scalar, { minLength: 1, maxLength: 2 })).map(([k, v, rest]) => `\n  ${k}: ${v}${rest.map((r) => `\n    ${r}`).join('')}`),
      ),
    );
    let answered = 0;
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), (es) => {
        const text = es.map(([k, v]) => `${k}:${v}`).join('\n') + '\n';
        if (tinyParse(text) !== undefined) answered++;
        return tinyAgrees(text);
      }),
      { numRuns: 10_000, seed: 42 },
    );
    expect(answered).toBeGreaterThan(500);
    console.log(`tinyParse answered ${answered} of 10000 documents`);
  });
});
