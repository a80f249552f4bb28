// Differential tests: the tiny parser's positioned parse must give yaml's value, diagnostics and spans exactly, or bail out.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWithYaml, type ParsedYaml } from '../../src/load/yaml-parser.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { tinyParsePositioned } from '../../src/load/tiny-parse.js';
import { checkParsed } from '../../src/check/check-file.js';
import { generateFiles } from '../../scripts/bench/generate.mjs';
import { editChars, editLines, examples, ROOT, SCALARS, SIGNIFICANT, trackedYaml } from '../helpers/yaml-corpus.js';

type Path = (string | number)[];

/** Every path into `value`, plus one step past each node (a missing key, an index past the end, into a scalar). */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
    out.push([...prefix, value.length]);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...prefix, key], out);
    out.push([...prefix, 'missing']);
  } else {
    out.push([...prefix, 'inside']);
  }
  return out;
}

/**
 * Where the two parses differ ('' when they agree, or when the tiny parser bails): the value, the
 * diagnostics, and the span of every path (on the value and on the key) must be identical.
 */
function difference(text: string): string {
  const tiny = tinyParsePositioned(text, 'x.yaml');
  if (tiny === undefined) return '';
  const slow = parseWithYaml(text, 'x.yaml');
  if (!isDeepStrictEqual(tiny.diagnostics, slow.diagnostics)) return `diagnostics ${JSON.stringify(tiny.diagnostics)} ≠ ${JSON.stringify(slow.diagnostics)}`;
  if (!isDeepStrictEqual(tiny.value, slow.value)) return 'value';
  if (slow.value === undefined) return '';
  for (const path of pathsOf(slow.value)) {
    for (const key of [false, true]) {
      const a = tiny.locate!(path, { key });
      const b = slow.locate!(path, { key });
      if (!isDeepStrictEqual(a, b)) return `span of ${JSON.stringify(path)}${key ? ' (key)' : ''}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
    }
  }
  return '';
}

/**
 * Injects a fault into line `at` (modulo the count): 0 re-indents it with `space` (tabs), 1 puts
 * `space` before its indentation, 2 drops its closing bracket (and comment), 3 cuts it off after
 * its first `{` or `[`.
 */
function injectFault(lines: string[], [mode, at, space, cut]: [number, number, string, number]): void {
  const i = at % lines.length;
  const line = lines[i];
  if (mode === 0) lines[i] = space + line.trimStart();
  else if (mode === 1) lines[i] = space + line;
  else if (mode === 2) lines[i] = line.replace(/ ?[}\]]( *#.*)?$/, '');
  else {
    const b = line.search(/[[{]/);
    if (b >= 0) lines[i] = line.slice(0, b + 1 + (cut % Math.max(1, line.length - b)));
  }
}

/** Throws where the two parses differ (for fast-check to shrink); returns the tiny parser's positioned parse, if it answered. */
function expectAgreement(text: string): ParsedYaml | undefined {
  const diff = difference(text);
  if (diff !== '') throw new Error(`${JSON.stringify(text)}: ${diff}`);
  return tinyParsePositioned(text, 'x.yaml');
}

/** Whether a positioned parse reports a fault (a syntax or tab error). */
function isFault(parsed: ParsedYaml | undefined): boolean {
  return parsed !== undefined && parsed.diagnostics.some((d) => d.code === 'YAML_SYNTAX' || d.code === 'YAML_TAB_INDENT');
}

/**
 * The text with the line ends Windows editors write: `lf` as it is, `crlf` every line break CR LF,
 * `mixed` every other one (a file edited by two editors); a CR alone stays yaml's.
 */
function withLineEnds(text: string, mode: 'lf' | 'crlf' | 'mixed'): string {
  if (mode === 'lf') return text;
  let n = 0;
  return text.replace(/\n/g, () => (mode === 'crlf' || n++ % 2 === 0 ? '\r\n' : '\n'));
}
const LINE_ENDS = fc.constantFrom<'lf' | 'crlf' | 'mixed'>('lf', 'lf', 'crlf', 'mixed');

/** Blank, comment, null-valued and odd lines to insert: the layouts where yaml's ranges are subtle. */
const LINES = ['', '#c', '  # c', '    # deep', '  ', 'k:', '  k2:', '    k3:', 'z: 1', '  z: 2', '  - i', '- j', '    - m', 'n: ', 'o:  # c', '  p: "q"  # c', 'r: [a, b]   ', "s: 'x'", '  t: {u: 1}', 'A1.1.1: { status: pass }'];

describe('tinyParsePositioned', () => {
  it('reads every example and generated file, invalid ones included, with parseYaml\'s diagnostics and spans', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'wangxin-tinypos-'));
    try {
      const files = generateFiles(dir, 2_000, { seed: 20180420, checklistFile: join(ROOT, 'checklists', 'county-cyber-2018.yaml') });
      const kinds = new Map<string, number>();
      const styles = new Map<string, number>();
      for (const { file, kind, style } of files) {
        const text = new TextDecoder().decode(readFileSync(file));
        expect(difference(text), file).toBe('');
        if (tinyParsePositioned(text, file) !== undefined) {
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          for (const s of style.split('+')) styles.set(s, (styles.get(s) ?? 0) + 1);
        }
      }
      // What it must read: every file of every kind in every writer's style, notes folded over
      // lines and CR LF line ends included (a GBK file is refused before parsing, but decoded with
      // replacement characters it is still an ordinary file).
      for (const kind of new Set(files.map((f) => f.kind))) {
        expect(kinds.get(kind) ?? 0, kind).toBe(files.filter((f) => f.kind === kind).length);
      }
      for (const style of ['folded', 'crlf', 'block', 'quoted-keys']) expect(styles.get(style) ?? 0, style).toBeGreaterThan(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    for (const text of examples) expect(tinyParsePositioned(text, 'x.yaml')).toBeDefined();
  });

  it('agrees on (or bails out of) every YAML file in the repository', () => {
    for (const { file, text } of trackedYaml()) expect(difference(text), file).toBe('');
  });

  it('reports repeated keys as yaml does, each in source order, and gives no value', () => {
    const text = 'a: 1\nb: { x: 1, "x": 2 }\na: 3\n';
    const tiny = tinyParsePositioned(text, 'x.yaml')!;
    expect(tiny.value).toBeUndefined();
    expect(tiny.diagnostics.map((d) => [d.code, d.line, d.column, d.endColumn])).toEqual([
      ['YAML_DUPLICATE_KEY', 2, 12, 15],
      ['YAML_DUPLICATE_KEY', 3, 1, 2],
    ]);
    expect(difference(text)).toBe('');
  });

  it('locates as yaml does: keys, flow and block values, nulls, sequence entries, missing paths', () => {
    const text = '# head\na: 1\nb:\n  c: "q"   # note\n  d:\n  e:\n  - x\n  - { f: [1, 2] }\ng: [h]';
    const tiny = tinyParsePositioned(text, 'x.yaml')!;
    const at = (path: Path, key = false): unknown => {
      const s = tiny.locate!(path, { key });
      return s && [s.line, s.column, s.endLine, s.endColumn];
    };
    expect(at([])).toEqual([2, 1, 9, 7]); // the top mapping: first key to the end of its last value
    expect(at(['b', 'c'])).toEqual([4, 6, 4, 9]);
    expect(at(['b', 'c'], true)).toEqual([4, 3, 4, 4]);
    expect(at(['b', 'd'])).toEqual([5, 5, 5, 5]); // a null: right after the colon
    expect(at(['b', 'e', 1, 'f', 1])).toEqual([8, 14, 8, 15]);
    expect(at(['b', 'missing'])).toEqual([4, 3, 9, 1]); // the mapping that lacks the key…
    expect(at(['b', 'missing'], true)).toEqual([3, 1, 3, 2]); // …or the key that holds it
    expect(difference(text)).toBe('');
  });

  it('bails out where yaml\'s ranges take in trailing blank or comment lines, and on what the tiny parser refuses', () => {
    for (const text of ['a:\n  b: 1\n\nc: 2\n', 'a:\n  b: 1\n  # c\n', 'a: 1\n\n', 'a:\n  - x\n# c\nb: 1\n', 'a:  # c\nb: 1\n', 'a: 1\r', 'a: 1\rb: 2\n', 'a: 1\r\r\n', 'a:\n\tb:\n', 'a: [\n  b\n']) {
      expect(tinyParsePositioned(text, 'x.yaml'), JSON.stringify(text)).toBeUndefined();
      expect(parseYaml(text, 'x.yaml').locate ?? parseYaml(text, 'x.yaml').diagnostics.length).toBeTruthy();
    }
    // Comments between entries and before the first key are fine.
    expect(tinyParsePositioned('# h\na:\n  # one\n  b: 1\n\n  # two\n  c: 2\nd: 3\n', 'x.yaml')).toBeDefined();
  });

  it('reports a flow collection left open, and a tab-indented line, exactly as yaml does', () => {
    const codes = (text: string): unknown => tinyParsePositioned(text, 'x.yaml')?.diagnostics.map((d) => [d.code, d.line, d.column, d.endLine, d.endColumn, d.message.en]);
    const open = 'a: 1\nm:\n  k1: { status: pass\n  k2: { status: fail }\nend: 2\n';
    expect(codes(open)).toEqual([['YAML_SYNTAX', 4, 3, 4, 4, 'YAML syntax error: a brace { is not closed (the } is missing), or the line after it is not indented enough']]);
    expect(codes('a: [x, y\n')).toEqual([['YAML_SYNTAX', 2, 1, 2, 2, 'YAML syntax error: a bracket [ is not closed (the ] is missing), or the line after it is not indented enough']]);
    expect(codes('a: 1\n\t  b: { c: 1 }\nd: 2\n')).toEqual([['YAML_TAB_INDENT', 2, 1, 2, 4, 'tabs cannot indent YAML; use spaces']]);
    for (const text of [open, 'a: [x, y\n', 'a: 1\n\t  b: { c: 1 }\nd: 2\n']) expect(difference(text)).toBe('');
    // Where yaml's recovery reports more, the tiny parser leaves the file to it.
    for (const text of [
      'm:\n  k1: { a: 1\n  k2: 1\n  k3: 2\n', // a plain value after it, and more lines
      'm:\n  - { a: 1\n  - x\n', // in a sequence
      'm:\n  k1: { a: 1\n# c\n  k2: { b: 2 }\n', // a comment inside the open collection
      'm:\n  k1: { a: 1\n  k2: [1\n', // two faults
      'm:\n  a: 1\n\tb: 2\n  c: 3\n', // a tab line with siblings after it
      'a: 1\n\tb: 2\nc:\n  d: 1\n\te: 2\n', // two tab lines (each is yaml's error)
    ]) {
      expect(tinyParsePositioned(text, 'x.yaml'), JSON.stringify(text)).toBeUndefined();
      expect(parseWithYaml(text, 'x.yaml').diagnostics.length, JSON.stringify(text)).toBeGreaterThan(0);
    }
  });

  it('gives checkParsed the same errors and warnings as yaml on invalid generated files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wangxin-tinypos-check-'));
    try {
      const files = generateFiles(dir, 600, { seed: 7, checklistFile: join(ROOT, 'checklists', 'county-cyber-2018.yaml') }).filter((f) => f.kind !== 'valid' && f.kind !== 'gbk');
      let compared = 0;
      for (const { file } of files) {
        const text = readFileSync(file, 'utf8');
        const tiny: ParsedYaml | undefined = tinyParsePositioned(text, file);
        if (!tiny) continue;
        const a = await checkParsed(tiny, {}, 'answers');
        const b = await checkParsed(parseWithYaml(text, file), {}, 'answers');
        expect(a.errors, file).toEqual(b.errors);
        expect(a.warnings, file).toEqual(b.warnings);
        expect(a.errors.length, file).toBeGreaterThan(0);
        compared++;
      }
      expect(compared).toBeGreaterThan(30);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees on example files with blank, comment, null and odd lines inserted, moved and removed (property)', { timeout: 300_000 }, () => {
    const edit = fc.tuple(fc.nat({ max: 6 }), fc.nat(), fc.constantFrom(...LINES));
    let answered = 0;
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }), fc.boolean(), LINE_ENDS, (which, edits, noFinalBreak, ends) => {
        const lines = examples[which].split('\n');
        for (const [kind, at, line] of edits) {
          const i = at % lines.length;
          if (kind <= 2) lines.splice(i, 0, line);
          else if (kind === 3) lines[i] += ' ';
          else if (kind === 4) lines[i] = lines[i].replace(/: .*$/, ':');
          else if (kind === 5) lines.splice(i, 1);
          else lines[i] = lines[i].replace(/^ {2}/, '');
        }
        let text = lines.join('\n');
        if (noFinalBreak) text = text.replace(/\n*$/, '');
        if (expectAgreement(withLineEnds(text, ends)) !== undefined) answered++;
        return true;
      }),
      { numRuns: 5_000, seed: 20180420 },
    );
    expect(answered).toBeGreaterThan(1_000);
  });

  it('agrees on example files with a collection left open or a line indented with tabs (property)', { timeout: 300_000 }, () => {
    const sources = [...examples, 'a:\n  b:\n    - x\n    - { y: 1 }\n  c: [1, 2]\nd:\n- p\n- [q, r]\ne: { f: [1, 2], g: "h" }\nk:\n  l:\n    m: { n: 1 }\n  o: 2\n'];
    const ws = fc.constantFrom('\t', '\t\t', '\t  ', '  \t', ' \t ', '\t    ', '    \t');
    const edit = fc.tuple(fc.nat({ max: 3 }), fc.nat(), fc.constantFrom(...LINES));
    let faults = 0;
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.nat(), fc.nat({ max: 3 }), ws, fc.nat(), fc.array(edit, { maxLength: 3 }), fc.boolean(), LINE_ENDS, (which, at, mode, space, cut, edits, noFinalBreak, ends) => {
        const lines = sources[which].split('\n');
        for (const [kind, i0, line] of edits) {
          const i = i0 % lines.length;
          if (kind <= 1) lines.splice(i, 0, line);
          else if (kind === 2) lines.splice(i, 1);
          else lines[i] = lines[i].replace(/^ {2}/, '');
        }
        injectFault(lines, [mode, at, space, cut]);
        let text = lines.join('\n');
        if (noFinalBreak) text = text.replace(/\n*$/, '');
        if (isFault(expectAgreement(withLineEnds(text, ends)))) faults++;
        return true;
      }),
      { numRuns: 10_000, seed: 20261128 },
    );
    expect(faults).toBeGreaterThan(1_000);
  });

  it('agrees on generated answer files with a fault injected among other edits (property)', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'wangxin-tinypos-faults-'));
    try {
      const files = generateFiles(dir, 300, { seed: 11, checklistFile: join(ROOT, 'checklists', 'county-cyber-2018.yaml') })
        // The layout the faults are made for: init's flow style.
        .filter((f) => f.kind !== 'gbk' && /^flow(\+quoted-keys)?$/.test(f.style))
        .map((f) => readFileSync(f.file, 'utf8'));
      const inserted = fc.constantFrom('', '#c', '  # c', '  ', 'x: 1', '  y: { a: 1 }', '  z: plain', '- q');
      const fault = fc.tuple(fc.nat({ max: 3 }), fc.nat(), fc.constantFrom('\t', '\t\t', '\t  ', '  \t'), fc.nat());
      let faults = 0;
      fc.assert(
        // One fault, or two (each is an error of its own, which the tiny parser must leave to yaml).
        fc.property(fc.nat({ max: files.length - 1 }), fc.array(fc.tuple(fc.nat(), inserted), { maxLength: 2 }), fc.array(fault, { minLength: 1, maxLength: 2 }), LINE_ENDS, (which, inserts, injected, ends) => {
          const lines = files[which].split('\n');
          for (const [i, line] of inserts) lines.splice(i % lines.length, 0, line);
          for (const fault of injected) injectFault(lines, fault);
          if (isFault(expectAgreement(withLineEnds(lines.join('\n'), ends)))) faults++;
          return true;
        }),
        { numRuns: 8_000, seed: 20261129 },
      );
      expect(faults).toBeGreaterThan(500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees on generated block-style files with folded notes, with lines edited, faults injected and CR LF line ends (property)', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'wangxin-tinypos-folded-'));
    try {
      const files = generateFiles(dir, 300, { seed: 13, checklistFile: join(ROOT, 'checklists', 'county-cyber-2018.yaml') })
        .filter((f) => f.kind !== 'gbk' && f.style.includes('folded'))
        .map((f) => new TextDecoder().decode(readFileSync(f.file)).replace(/\r\n/g, '\n'));
      expect(files.length).toBeGreaterThan(20);
      // Lines that continue a note (deeper than its key), or look as if they might, besides the usual ones.
      const inserted = fc.constantFrom(...LINES, '      续写的说明', '      more text', '     odd', '        deeper', '      a: b', '      # c', '      - x', '      x #y', '      "q"', '      1.5', '      end:');
      const edit = fc.tuple(fc.nat({ max: 4 }), fc.nat(), inserted);
      const fault = fc.tuple(fc.nat({ max: 3 }), fc.nat(), fc.constantFrom('\t', '\t  ', '  \t'), fc.nat());
      let answered = 0;
      let folded = 0;
      fc.assert(
        fc.property(fc.nat({ max: files.length - 1 }), fc.array(edit, { maxLength: 4 }), fc.option(fault), LINE_ENDS, fc.boolean(), (which, edits, injected, ends, noFinalBreak) => {
          const lines = files[which].split('\n');
          for (const [kind, at, line] of edits) {
            const i = at % lines.length;
            if (kind <= 1) lines.splice(i, 0, line);
            else if (kind === 2) lines.splice(i, 1);
            else if (kind === 3) lines[i] = lines[i].replace(/^ {2}/, '');
            else lines[i] += '  ';
          }
          if (injected) injectFault(lines, injected);
          let text = lines.join('\n');
          if (noFinalBreak) text = text.replace(/\n*$/, '');
          text = withLineEnds(text, ends);
          const parsed = expectAgreement(text);
          if (parsed !== undefined) {
            answered++;
            if (/\n {6}\S/.test(text.replace(/\r/g, '')) && parsed.value !== undefined) folded++;
          }
          return true;
        }),
        { numRuns: 4_000, seed: 20261202 },
      );
      expect(answered).toBeGreaterThan(500);
      expect(folded).toBeGreaterThan(400);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees on example files with characters and scalars edited (property)', { timeout: 300_000 }, () => {
    const charEdit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.array(fc.constantFrom(...SIGNIFICANT, '\n  ', '\n- ', '  # x\n'), { maxLength: 3 }).map((cs) => cs.join('')));
    const lineEdit = fc.tuple(fc.nat({ max: 6 }), fc.nat(), fc.nat(), fc.constantFrom(...SCALARS));
    let answered = 0;
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(charEdit, { maxLength: 3 }), fc.array(lineEdit, { maxLength: 3 }), LINE_ENDS, (which, chars, lines, ends) => {
        const text = withLineEnds(editChars(editLines(examples[which], lines), chars), ends);
        if (expectAgreement(text) !== undefined) answered++;
        return true;
      }),
      { numRuns: 5_000, seed: 7 },
    );
    expect(answered).toBeGreaterThan(1_000);
  });
});
