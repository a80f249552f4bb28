// What messages quote: at most a one-line excerpt of about 120 characters of a file's text, in every output, however big the text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { displayWidth, renderCodeFrame } from '../../src/diagnostics/render.js';
import { EXCERPT_CHARS, excerpt } from '../../src/util/excerpt.js';
import { ROOT, runInProcess } from '../helpers/run-cli.js';

const HEAD = 'schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.0.0 }\n';
const HUGE = 9_000_000;
let dir = '';

/** Files whose one error quotes a 9 MB text: a unit type, a tag, a duplicate key, a line of a syntax error. */
const FILES: Record<string, string> = {
  'unit-type.yaml': HEAD + `unit: { name: x, type: ${'t'.repeat(HUGE)} }\nanswers: {}\n`,
  'tag.yaml': HEAD + `unit: { name: x, type: township }\nanswers:\n  A1.1.1: !${'g'.repeat(HUGE)} x\n`,
  'duplicate-key.yaml': HEAD + `unit: { name: x, type: township }\nanswers: {}\n${'k'.repeat(HUGE / 2)}: 1\n${'k'.repeat(HUGE / 2)}: 2\n`,
  'syntax.yaml': HEAD + `unit: { name: x, type: township }\nanswers:\n  A1.1.1: { status: pass }\n%${'d'.repeat(HUGE)}\n`,
  'unknown-item.yaml': HEAD + `unit: { name: x, type: township }\nanswers:\n  A9.9.${'9'.repeat(HUGE)}: { status: pass }\n`,
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wangxin-messages-'));
  mkdirSync(join(dir, 'in'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, 'in', name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** No line longer than a few excerpts with the message, file and location around them (a summary row holds several). */
function expectShortLines(text: string, label: string): void {
  const longest = text.split('\n').reduce((m, line) => Math.max(m, displayWidth(line)), 0);
  expect(longest, label).toBeLessThan(800);
}

describe('excerpt', () => {
  it('keeps short text, cuts long text at the limit with an ellipsis, and keeps only the first line', () => {
    expect(EXCERPT_CHARS).toBe(120);
    expect(excerpt('short')).toBe('short');
    const cut = excerpt('x'.repeat(HUGE));
    expect([...cut]).toHaveLength(EXCERPT_CHARS);
    expect(cut.endsWith('…')).toBe(true);
    expect(excerpt('line one\nline two')).toBe('line one…');
    expect([...excerpt('长'.repeat(500))]).toHaveLength(EXCERPT_CHARS);
    // Never half a surrogate pair.
    expect(excerpt('😀'.repeat(500)).slice(-2)).toBe('😀…'.slice(-2));
  });

  it('every string parameter of a diagnostic is an excerpt', () => {
    const d = createDiagnostic('UNIT_TYPE_UNDECLARED', 'f.yaml', { type: 'x'.repeat(HUGE), known: 'township' });
    expect(d.message.en.length).toBeLessThan(300);
    expect(d.message.en).toContain('…');
  });

  it('a code frame shows at most about 120 columns of a line', () => {
    const source = `a: ${'长'.repeat(HUGE / 10)}\n`;
    const frame = renderCodeFrame(source, { code: 'YAML_SYNTAX', severity: 'error', file: 'f', line: 1, column: 200_000, message: { zh: '', en: '' } });
    for (const line of frame.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(EXCERPT_CHARS + 12);
  });
});

describe('a 9 MB text in a file makes a message of a line, in every output', () => {
  it('a valid file with a 5 MB unit name: the report has it whole, the messages on stderr an excerpt', async () => {
    const example = readFileSync(join(ROOT, 'examples/answers/township.yaml'), 'utf8');
    writeFileSync(join(dir, 'long-name.yaml'), example.replace('name: 某某镇党委', `name: ${'名'.repeat(5_000_000 / 3)}`));
    const r = await runInProcess(['score', 'long-name.yaml', '--out', 'r.md', '--fail-under', '100'], {}, dir);
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(2_000);
    expect(readFileSync(join(dir, 'r.md'), 'utf8').length).toBeGreaterThan(1_000_000);
  });

  it('validate (text and JSON), score, and batch with its summary, JUnit and stderr', async () => {
    for (const name of Object.keys(FILES)) {
      const file = join(dir, 'in', name);
      const text = await runInProcess(['validate', '--lang', 'en', file], {}, dir);
      expect(text.code, name).toBe(1);
      expect(text.stdout.length + text.stderr.length, name).toBeLessThan(4_000);
      expectShortLines(text.stdout, `validate ${name}`);
      const json = await runInProcess(['validate', '--format', 'json', file], {}, dir);
      expect(json.stdout.length, name).toBeLessThan(4_000);
      const score = await runInProcess(['score', file], {}, dir);
      expect(score.code, name).toBe(1);
      expect(score.stderr.length, name).toBeLessThan(4_000);
    }
    const started = performance.now();
    const batch = await runInProcess(['batch', 'in', '--out', 'summary.md', '--junit', 'junit.xml', '--jobs', '1'], {}, dir);
    expect(batch.code).toBe(1);
    expect(performance.now() - started).toBeLessThan(30_000);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    for (const [label, out] of [
      ['summary', summary],
      ['junit', junit],
      ['stderr', batch.stderr],
    ] as const) {
      expect(out.length, label).toBeLessThan(20_000);
      expectShortLines(out, label);
    }
  }, 120_000);
});
