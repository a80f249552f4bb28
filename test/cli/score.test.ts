// `wangxin score`: exit codes 0/1/2, formats, --out, --fail-under and localisation, in-process and as the real binary.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getValidator } from '../../src/validate/ajv-factory.js';
import { runBinary, runInProcess, type CliResult } from '../helpers/run-cli.js';

const TOWNSHIP = 'examples/answers/township.yaml';
const FIX = 'test/fixtures/score';
const STACK = /\n\s+at .+:\d+:\d+/;

interface Case {
  name: string;
  args: string[];
  code: number;
  stdout?: RegExp;
  stderr?: RegExp;
}

const CASES: Case[] = [
  { name: 'Markdown to stdout by default', args: ['score', TOWNSHIP], code: 0, stdout: /^# 网信工作自查报告：某某镇党委[\s\S]*\*\*总分 85\.5 分，等级：良好\*\*/ },
  { name: 'English report with --lang en', args: ['score', '--lang', 'en', TOWNSHIP], code: 0, stdout: /\*\*Score 85\.5, grade: Good\*\*/ },
  { name: 'JSON format', args: ['score', '--format', 'json', TOWNSHIP], code: 0, stdout: /"score": 85\.54,/ },
  { name: 'HTML format', args: ['score', '--format', 'html', TOWNSHIP], code: 0, stdout: /^<!DOCTYPE html>/ },
  { name: 'a built-in --checklist id', args: ['score', '--checklist', 'county-cyber-2018', TOWNSHIP, '--format', 'json'], code: 0, stdout: /"id": "county-cyber-2018"/ },
  { name: 'a --checklist path', args: ['score', '--checklist', 'checklists/county-cyber-2018.yaml', TOWNSHIP], code: 0 },
  { name: '--fail-under met', args: ['score', TOWNSHIP, '--fail-under', '80'], code: 0 },
  { name: '--fail-under equal to the score', args: ['score', TOWNSHIP, '--fail-under', '85.54'], code: 0 },
  { name: '--fail-under missed', args: ['score', TOWNSHIP, '--fail-under', '90'], code: 1, stderr: /某某镇党委 总分 85\.54 低于 --fail-under 90/ },
  { name: 'vetoed with --fail-under', args: ['score', `${FIX}/vetoed.yaml`, '--fail-under', '0'], code: 1, stderr: /一票否决（A3\.3\.4）/ },
  { name: 'vetoed without --fail-under is still a report', args: ['score', `${FIX}/vetoed.yaml`], code: 0, stdout: /\[!CAUTION\]/ },
  { name: 'a warning is shown and the report still produced', args: ['score', `${FIX}/not-applying.yaml`], code: 0, stderr: /not-applying\.yaml:7:3 .*警告/, stdout: /已忽略：A3\.1\.4/ },
  { name: 'invalid answer file: exit 1 with a code frame', args: ['score', `${FIX}/invalid-status.yaml`], code: 1, stderr: /invalid-status\.yaml:6:[0-9]+[\s\S]*> 6 \|.*status: done[\s\S]*\^+[\s\S]*未生成报告/ },
  { name: 'unknown --checklist: a usage error, exit 2', args: ['score', '--checklist', 'no-such-list', TOWNSHIP], code: 2, stderr: /找不到检查表“no-such-list”/ },
  { name: 'missing file: exit 2', args: ['score', 'nope/missing.yaml'], code: 2, stderr: /missing\.yaml .*FILE_NOT_FOUND/ },
  { name: 'a folder: exit 2', args: ['score', 'examples'], code: 2, stderr: /FILE_IS_DIRECTORY/ },
  { name: 'bad --format: exit 2', args: ['score', '--format', 'pdf', TOWNSHIP], code: 2, stderr: /--format 只能是 md\|json\|html/ },
  { name: 'bad --fail-under: exit 2', args: ['score', TOWNSHIP, '--fail-under', 'eighty'], code: 2, stderr: /--fail-under 须为 0 到 100 之间的十进制数/ },
  { name: 'negative --fail-under: exit 2', args: ['score', TOWNSHIP, '--fail-under=-5'], code: 2, stderr: /--fail-under/ },
  { name: 'no file: exit 2', args: ['score'], code: 2, stderr: /用法错误/ },
  { name: 'localised help', args: ['score', '--help'], code: 0, stdout: /用法： wangxin score \[选项\] <answers>[\s\S]*--fail-under <n>[\s\S]*示例：/ },
  { name: 'English help', args: ['score', '--help', '--lang', 'en'], code: 0, stdout: /Usage: wangxin score[\s\S]*exit with code 1 when the score is below N/ },
];

function check(r: CliResult, c: Case): void {
  expect(r.code, r.stderr).toBe(c.code);
  if (c.stdout) expect(r.stdout).toMatch(c.stdout);
  if (c.stderr) expect(r.stderr).toMatch(c.stderr);
  expect(r.stdout + r.stderr).not.toMatch(STACK);
  if (c.code !== 0 && !c.args.includes('--fail-under') && !/CAUTION/.test(String(c.stdout))) expect(r.stdout).toBe('');
}

describe('wangxin score (in-process)', () => {
  it.each(CASES)('$name', async (c) => check(await runInProcess(c.args), c));
});

describe('wangxin score (binary)', () => {
  it.each(CASES.filter((c) => !c.name.includes('help') || c.name === 'localised help'))('$name', (c) => check(runBinary(c.args), c));
});

describe('wangxin score --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wangxin-score-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the report to the file, not to stdout', () => {
    const out = join(dir, 'report.md');
    const r = runBinary(['score', TOWNSHIP, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/某某镇党委：85\.5 分，良好 — 报告已写入/);
    expect(readFileSync(out, 'utf8')).toMatch(/^# 网信工作自查报告：某某镇党委/);
    // Atomic write: no temporary file is left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('takes the format from the file name, and JSON validates against the schema', () => {
    const out = join(dir, 'report.json');
    expect(runBinary(['score', 'examples/answers/cii-operator.yaml', '--out', out]).code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const validate = getValidator('report');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.unit.type).toBe('cii-operator');
  });

  it('--format wins over the file name', () => {
    const out = join(dir, 'report.txt');
    expect(runBinary(['score', TOWNSHIP, '--out', out, '--format', 'html']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('an extension score cannot write is a usage error naming the formats it can; nothing is written', async () => {
    const out = join(dir, 'r.csv');
    const r = await runInProcess(['score', TOWNSHIP, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/错误: --out .*r\.csv 的扩展名“\.csv”无法写出，可用：\.md, \.markdown, \.json, \.html, \.htm, \.docx（或用 --format 指定）/);
    expect(existsSync(out)).toBe(false);
    const en = runBinary(['score', TOWNSHIP, '--out', out, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/cannot write a "\.csv" file; it writes \.md, \.markdown, \.json, \.html, \.htm, \.docx/);
  });

  it('--format that contradicts the extension of --out is a usage error', async () => {
    const out = join(dir, 'r.html');
    const r = await runInProcess(['score', TOWNSHIP, '--out', out, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format json does not match --out .*r\.html/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes nothing for an invalid answer file', () => {
    const out = join(dir, 'invalid.md');
    const r = runBinary(['score', `${FIX}/invalid-status.yaml`, '--out', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('keeps an existing file when the answer file is invalid', () => {
    const out = join(dir, 'keep.md');
    writeFileSync(out, 'old report');
    expect(runBinary(['score', `${FIX}/invalid-status.yaml`, '--out', out]).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('old report');
  });

  it('exit 2 when the report cannot be written', () => {
    const r = runBinary(['score', TOWNSHIP, '--out', join(dir, 'no-such-dir', 'r.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/无法写入报告文件 .*ENOENT/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('resolves --out and the answer file against the working directory', async () => {
    const r = await runInProcess(['score', 'township.yaml', '--out', 'rel.json'], {}, join(process.cwd(), 'examples', 'answers'));
    // main gets cwd through io; the file is read and written relative to it.
    if (r.code === 0) {
      expect(existsSync(join(process.cwd(), 'examples', 'answers', 'rel.json'))).toBe(true);
      rmSync(join(process.cwd(), 'examples', 'answers', 'rel.json'));
    } else {
      throw new Error(r.stderr);
    }
  });
});

