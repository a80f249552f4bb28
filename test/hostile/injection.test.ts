// Report injection: text from answer files cannot break or script the Markdown, HTML, JUnit or terminal output.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess } from '../helpers/run-cli.js';
import { parseXml, type XmlElement } from '../batch/xml.js';

/** Every nasty thing at once, as YAML double-quoted text (escapes are YAML's). */
const NASTY =
  'a|b `code` <script>alert(1)</script> ]]> --> <!-- x \\e[2J\\e]0;title\\a \\u202Eevil\\u202C \\b line1\\nline2\\r\\n| --- | *x* [l](javascript:alert(1)) &amp; <img src=x onerror=alert(1)>';
/** What must never reach any output raw: C0 (but \t \n \r) and C1 controls, ESC, bidi overrides. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let tmp = '';
let file = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-inject-'));
  mkdirSync(join(tmp, 'in'));
  file = join(tmp, 'in', 'nasty|<b>.yaml');
  const source = readFileSync(join(ROOT, 'examples/answers/township.yaml'), 'utf8')
    .replace(/^unit: \{ name: 某某镇党委,/m, `unit: { name: "某某镇${NASTY}",`)
    .replace(/^ {2}A1\.1\.2: .*$/m, `  A1.1.2: { status: partial, note: "${NASTY}", evidence: ["${NASTY}.pdf"] }`)
    .replace(/^ {2}A1\.2\.2: .*$/m, `  A1.2.2: { status: fail, note: "${NASTY}" }`);
  writeFileSync(file, source);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Splits a Markdown row into cells at pipes that are not backslash-escaped. */
function cellCount(row: string): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') n++;
  }
  return n;
}

/** Every table (a run of lines starting with `|`) has the same number of cells in every row. */
function expectTablesIntact(md: string): number {
  const lines = md.split('\n');
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|')) continue;
    tables++;
    const width = cellCount(lines[i]);
    expect(lines[i + 1], `table at line ${i + 1}`).toMatch(/^\|(\s*:?-+:?\s*\|)+\s*$/);
    while (i < lines.length && lines[i].startsWith('|')) {
      expect(cellCount(lines[i]), `line ${i + 1}: ${lines[i]}`).toBe(width);
      i++;
    }
  }
  return tables;
}

function expectNoRawControls(text: string, label: string): void {
  const m = RAW_CONTROL.exec(text);
  expect(m && `U+${m[0].codePointAt(0)!.toString(16)} at ${m.index}: …${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 10))}`, label).toBeNull();
}

describe('the answer file itself', () => {
  it('is valid: the nasty text is legal content, not an error', async () => {
    const r = await runInProcess(['validate', file]);
    expect(r.code, r.stdout).toBe(0);
  });
});

describe('single-unit reports', () => {
  it('Markdown: tables keep their columns, no raw HTML, no raw controls, no line that starts a block', async () => {
    for (const lang of ['zh', 'en']) {
      const r = await runInProcess(['score', '--lang', lang, '--format', 'md', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(expectTablesIntact(r.stdout)).toBeGreaterThan(0);
      expect(r.stdout).not.toMatch(/<script|<img|<!--|-->/i);
      expectNoRawControls(r.stdout, `md ${lang}`);
      // The newline in the note did not end its list item or cell: no line begins with the second half.
      expect(r.stdout.split('\n').some((l) => l.startsWith('line2'))).toBe(false);
      // The text is still there to read.
      expect(r.stdout).toContain('alert(1)');
    }
  });

  it('HTML: no unescaped tag or comment from the file, no raw controls', async () => {
    const r = await runInProcess(['score', '--format', 'html', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/<script/i);
    expect(r.stdout).not.toMatch(/<img/i);
    expect(r.stdout).not.toContain('<!-- x');
    expect(r.stdout).not.toMatch(/<b>/);
    expect(r.stdout).toContain('&lt;script&gt;');
    expectNoRawControls(r.stdout, 'html');
  });

  it('JSON keeps the text exactly (it is data), every control and bidi character written as a JSON escape', async () => {
    const r = await runInProcess(['score', '--format', 'json', file]);
    const report = JSON.parse(r.stdout) as { unit: { name: string }; items: { id: string; note?: string }[] };
    expect(report.unit.name).toContain('\u001b[2J');
    expect(report.items.find((i) => i.id === 'A1.1.2')?.note).toContain('\u202e');
    // JSON.stringify leaves bidi and C1 controls raw: a terminal showing the JSON would obey them.
    expectNoRawControls(r.stdout, 'score json');
    expect(r.stdout).toContain('\\u202e');
    const bad = join(tmp, 'bad-json.yaml');
    writeFileSync(bad, readFileSync(file, 'utf8').replace('type: township', 'type: "\u202eevil\u0085"'));
    for (const args of [
      ['validate', '--format', 'json', bad],
      ['batch', '--format', 'json', '--allow-incomplete', join(tmp, 'in'), bad],
      ['compare', '--format', 'json', file, file],
    ]) {
      const out = await runInProcess(args);
      expect(() => JSON.parse(out.stdout), args[0]).not.toThrow();
      expectNoRawControls(out.stdout, `${args[0]} json`);
    }
  });

  it('terminal: the summary line of score --out and validate messages show controls as \\u{…}', async () => {
    const r = await runInProcess(['score', '--out', join(tmp, 'r.md'), file]);
    expect(r.code).toBe(0);
    expectNoRawControls(r.stderr, 'score stderr');
    expect(r.stderr).toContain('\\u{1b}[2J');
    // An invalid file whose bad line carries the nasty text: the code frame is made safe too.
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, readFileSync(file, 'utf8').replace('status: partial', 'status: "\\e[31mpartial\\u202e"'));
    const v = await runInProcess(['validate', bad]);
    expect(v.code).toBe(1);
    expectNoRawControls(v.stdout + v.stderr, 'validate');
  });
});

describe('batch outputs', () => {
  it('Markdown summary: tables keep their columns; no raw HTML or controls (unit name and file name)', async () => {
    const r = await runInProcess(['batch', '--allow-incomplete', join(tmp, 'in')]);
    expect(r.code, r.stderr).toBe(0);
    expect(expectTablesIntact(r.stdout)).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(/<script|<img|<b>|<!--|-->/i);
    expectNoRawControls(r.stdout, 'batch md');
    expectNoRawControls(r.stderr, 'batch stderr');
  });

  it('JUnit: well-formed XML with no raw control characters, the unit readable in it', async () => {
    const junit = join(tmp, 'junit.xml');
    const r = await runInProcess(['batch', '--fail-under', '99', '--junit', junit, join(tmp, 'in')]);
    expect(r.code).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expectNoRawControls(xml, 'junit');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(/<script/i);
    const root = parseXml(xml);
    const all: XmlElement[] = [];
    const walk = (e: XmlElement): void => {
      all.push(e);
      e.children.forEach(walk);
    };
    walk(root);
    const cases = all.filter((e) => e.name === 'testcase');
    expect(cases.length).toBe(1);
    expect(cases[0].attributes.name + cases[0].attributes.file).toContain('<script>');
    expect(all.some((e) => e.name === 'failure')).toBe(true);
  });
});
