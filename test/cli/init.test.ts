// `wangxin init`: blank answer files that validate as written and score once filled, --out/--force, and the checklist template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBinary, runInProcess } from '../helpers/run-cli.js';
import { renderChecklistTemplate } from '../../src/init/checklist-template.js';
import { answerTemplate, commentText } from '../../src/init/blank-answers.js';
import { builtinFile } from '../../src/checklist/resolve-checklist.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';
import type { Checklist } from '../../src/model/checklist.js';

const STACK = /\n\s+at .+:\d+:\d+/;
let tmp = '';
let builtin: Checklist;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-init-'));
  builtin = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Uncomments the answer line of `id` and fills it with `answer` (the text between the braces). */
function fill(text: string, id: string, answer: string): string {
  const pattern = new RegExp(`^  # ${id.replace(/\./g, '\\.')}: \\{.*\\},$`, 'm');
  expect(text).toMatch(pattern);
  return text.replace(pattern, `  ${id}: { ${answer} },`);
}

describe('wangxin init (blank answer file)', () => {
  it('prints a blank answer file that lists every applying item and validates as written', async () => {
    const r = await runInProcess(['init', '--unit', '某某镇党委', '--unit-type', 'township'], {}, tmp);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# yaml-language-server: \$schema=/);
    expect(r.stdout).toMatch(/^unit: \{ name: 某某镇党委, type: township \}$/m);
    expect(r.stdout).toMatch(/^answers: \{$/m);
    // 42 items apply to a township; each has its commented answer line.
    expect(r.stdout.match(/^ {2}# A[\d.]+: \{/gm)).toHaveLength(42);
    expect(r.stdout).toMatch(/# A4\.1\.4: \{ value: \},/);
    expect(r.stdout).toMatch(/# A3\.2\.3: \{ deductions: \{ d1: 0, d2: 0 \} \},/);
    expect(r.stdout).toMatch(/检查方法：/);
    expect(r.stdout).toMatch(/一票否决/);
    // Items of other unit types are not listed.
    expect(r.stdout).not.toMatch(/# A3\.1\.4: /);
    writeFileSync(join(tmp, 'printed.yaml'), r.stdout);
    const v = await runInProcess(['validate', join(tmp, 'printed.yaml')]);
    expect(v.code, v.stdout).toBe(0);
  });

  it('--out writes the file; it validates, scores as all unanswered, and scores after filling a few lines', async () => {
    const r = await runInProcess(['init', '--unit', '某某镇党委', '--unit-type', 'township', '--out', 'a/blank.yaml'], {}, tmp);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/已写入空白答卷 a\/blank\.yaml：42 个条目待填写。填好后运行 wangxin validate a\/blank\.yaml 检查/);
    // Through npx, the commands it suggests start with npx.
    const npx = await runInProcess(['init', '--unit', '某某镇党委', '--unit-type', 'township', '--out', 'a/npx.yaml'], { npm_command: 'exec' }, tmp);
    expect(npx.stderr).toMatch(/运行 npx wangxin validate a\/npx\.yaml 检查、npx wangxin score a\/npx\.yaml 评分/);
    const file = join(tmp, 'a/blank.yaml');
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server: \$schema=.*schemas\/answers\.schema\.json$/m);
    expect(runBinary(['validate', file]).code).toBe(0);
    const empty = await runInProcess(['score', file, '--format', 'json']);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ score: 0, complete: false });
    expect(JSON.parse(empty.stdout).unanswered).toHaveLength(42);

    let text = readFileSync(file, 'utf8');
    text = fill(text, 'A1.1.1', 'status: pass, note: 已于3月传达');
    text = fill(text, 'A4.1.4', 'value: 0.5');
    text = fill(text, 'A3.2.3', 'deductions: { d1: 1, d2: 0 }');
    text = fill(text, 'A2.1.1', 'status: na, note: 未开设网站');
    writeFileSync(file, text);
    const scored = await runInProcess(['score', file, '--format', 'json']);
    expect(scored.code, scored.stderr).toBe(0);
    const report = JSON.parse(scored.stdout);
    expect(report.unanswered).toHaveLength(38);
    const byId = new Map((report.items as { id: string; status: string; earned: number }[]).map((i) => [i.id, i]));
    expect(byId.get('A1.1.1')).toMatchObject({ status: 'pass', earned: 1.5 });
    expect(byId.get('A2.1.1')).toMatchObject({ status: 'na' });
    expect(byId.get('A4.1.4')!.status).toBe('partial');
  });

  it('explains rectification once in the header, and its example works as written', async () => {
    const r = await runInProcess(['init', '--unit', '某某镇党委', '--unit-type', 'township'], {}, tmp);
    const line = r.stdout.split('\n').find((l) => l.includes('rectify:'))!;
    expect(line).toMatch(/^# {3}未达标/);
    // The only rectify in the file is that header line: no commented plan under every item.
    expect(r.stdout.match(/rectify/g)).toHaveLength(1);
    const example = /例：\{ (.*) \},（/.exec(line)![1];
    const file = join(tmp, 'rectify.yaml');
    writeFileSync(file, fill(r.stdout, 'A1.2.2', example));
    const scored = await runInProcess(['score', file, '--format', 'json', '--as-of', '2026-07-01']);
    expect(scored.code, scored.stderr).toBe(0);
    expect(JSON.parse(scored.stdout).rectification).toMatchObject({ tasks: 1, open: 1, overdue: 1 });
  });

  it('an answer line uncommented but not filled in is an error at its line', async () => {
    const r = await runInProcess(['init', '--unit-type', 'department', '--out', 'half.yaml'], {}, tmp);
    expect(r.code).toBe(0);
    const file = join(tmp, 'half.yaml');
    const text = readFileSync(file, 'utf8').replace(/^ {2}# (A1\.1\.1: \{ status: \},)$/m, '  $1');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('  A1.1.1:')) + 1;
    const v = await runInProcess(['validate', file]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(new RegExp(`half\\.yaml:${line}:\\d+`));
  });

  it('refuses to overwrite an existing --out file (exit 2) unless --force', async () => {
    const file = join(tmp, 'exists.yaml');
    writeFileSync(file, 'keep me\n');
    const r = await runInProcess(['init', '--unit-type', 'township', '--out', 'exists.yaml'], {}, tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/文件 exists\.yaml 已存在，未覆盖.*--force/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    const en = await runInProcess(['init', '--lang', 'en', '--unit-type', 'township', '--out', 'exists.yaml'], {}, tmp);
    expect(en.stderr).toMatch(/exists\.yaml already exists and was not overwritten/);
    const forced = await runInProcess(['init', '--unit-type', 'township', '--out', 'exists.yaml', '--force'], {}, tmp);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^answers: \{$/m);
  });

  it('needs --unit-type when the checklist has several, and names the choices', async () => {
    const r = await runInProcess(['init', '--unit', 'X'], {}, tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/请用 --unit-type 指定单位类型.*township, department, cyber-office, internet-enterprise, cii-operator/);
    const bad = await runInProcess(['init', '--lang', 'en', '--unit-type', 'village'], {}, tmp);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/checklist county-cyber-2018 has no unit type "village"/);
    const unknown = await runInProcess(['init', '--unit-type', 'township', '--checklist', 'nope-list'], {}, tmp);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/找不到检查表“nope-list”/);
  });

  it('works with a custom checklist path and writes English comments with --lang en', async () => {
    const r = await runInProcess(['init', '--lang', 'en', '--unit-type', 'township', '--checklist', 'examples/custom/xx-county-2026.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^checklist: \{ id: xx-county-2026, version: 1\.1\.0 \}$/m);
    expect(r.stdout).toMatch(/# How to fill in:/);
    expect(r.stdout).toMatch(/unit: \{ name: "?\(unit name\)"?, type: township \}/);
    expect(r.stdout).toMatch(/# A6\.1: \{ status: \},/);
    expect(r.stdout).not.toMatch(/# A2\.3\.3: /);
    writeFileSync(join(tmp, 'custom.yaml'), r.stdout.replaceAll('(unit name)', 'Qingshan Township'));
    const v = await runInProcess(['validate', join(tmp, 'custom.yaml'), '--checklist', 'examples/custom/xx-county-2026.yaml']);
    expect(v.code, v.stdout).toBe(0);
  });

  it('--out with an extension other than .yaml/.yml is a usage error (the file is YAML)', async () => {
    const r = await runInProcess(['init', '--unit', '某某镇党委', '--unit-type', 'township', '--out', 'blank.json', '--lang', 'en'], {}, tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write a "\.json" file; it writes \.yaml, \.yml/);
    expect(existsSync(join(tmp, 'blank.json'))).toBe(false);
  });

  it('--format that contradicts --out, or a workbook roster or template, is a usage error and writes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--unit-type', 'township', '--out', 'n.xlsx', '--format', 'yaml'], /--format yaml does not match --out n\.xlsx/],
      [['--unit-type', 'township', '--out', 'n.yaml', '--format', 'xlsx'], /--format xlsx does not match --out n\.yaml/],
      [['--roster', '--out', 'units.xlsx'], /a checklist template and a roster are YAML only/],
      [['--roster', '--out', 'units.yaml', '--format', 'xlsx'], /--format xlsx does not match --out units\.yaml/],
      [['--checklist-template', '--out', 'my.xlsx'], /a checklist template and a roster are YAML only/],
    ];
    for (const [args, message] of cases) {
      const r = await runInProcess(['init', ...args, '--lang', 'en'], {}, tmp);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
      expect(existsSync(join(tmp, args[args.indexOf('--out') + 1])), args.join(' ')).toBe(false);
    }
  });

  it('a file whose unit name is still the placeholder is an error, in validate and batch', async () => {
    const zh = await runInProcess(['init', '--unit-type', 'township'], {}, tmp);
    const en = await runInProcess(['init', '--unit-type', 'township', '--lang', 'en'], {}, tmp);
    mkdirSync(join(tmp, 'unnamed'), { recursive: true });
    writeFileSync(join(tmp, 'unnamed/a.yaml'), zh.stdout);
    writeFileSync(join(tmp, 'unnamed/b.yaml'), en.stdout);
    const line = zh.stdout.split('\n').findIndex((l) => l.startsWith('unit:')) + 1;
    const v = await runInProcess(['validate', join(tmp, 'unnamed/a.yaml')]);
    expect(v.code, v.stdout).toBe(1);
    expect(v.stdout).toMatch(new RegExp(`a\\.yaml:${line}:\\d+ +错误 +单位名称仍是占位文字“（请填写单位名称）”.*UNIT_NAME_PLACEHOLDER`));
    const vEn = await runInProcess(['validate', '--lang', 'en', join(tmp, 'unnamed/b.yaml')]);
    expect(vEn.code, vEn.stdout).toBe(1);
    expect(vEn.stdout).toMatch(/the unit name is still the placeholder "\(unit name\)".*UNIT_NAME_PLACEHOLDER/);
    // Two unnamed files are two invalid files, not one unit submitted twice.
    const b = await runInProcess(['batch', '--lang', 'en', join(tmp, 'unnamed')]);
    expect(b.code).toBe(1);
    expect(b.stdout).toMatch(/\| Invalid files \| 2 \|/);
    expect(b.stdout).toMatch(/\| Units \(valid files\) \| 0 \|/);
  });

  it('keeps texts on one comment line, control characters shown', () => {
    expect(commentText('a\nb\r\n  c\u202e')).toBe('a b c\\u{202e}');
    expect(answerTemplate({ id: 'X1', text: 'x', points: 1, kind: 'deduct', deductions: [{ id: 'd9', text: 'y', points: 1 }] })).toBe('X1: { deductions: { d9: 0 } },');
  });
});

describe('wangxin init --checklist-template', () => {
  it('writes a starter checklist that extends the built-in one and validates as written', async () => {
    const r = await runInProcess(['init', '--checklist-template', '--out', 'tpl/my.yaml'], {}, tmp);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/已写入自定义检查表模板 tpl\/my\.yaml/);
    const text = readFileSync(join(tmp, 'tpl/my.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schemas\/checklist\.schema\.json$/m);
    expect(text).toMatch(/^extends: county-cyber-2018 /m);
    for (const key of ['drop', 'override', 'append', 'areas']) expect(text).toMatch(new RegExp(`^# ${key}:`, 'm'));
    const v = runBinary(['validate', join(tmp, 'tpl/my.yaml')]);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toMatch(/检查表/);
  });

  it('stays valid with every example uncommented, and the examples take effect', async () => {
    const r = await runInProcess(['init', '--checklist-template', '--lang', 'en'], {}, tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/# The examples below are commented out/);
    const enabled = r.stdout.replace(/^# (drop: |override:$|append:$|areas:$|  )/gm, '$1');
    expect(enabled).toMatch(/^drop: \[/m);
    const file = join(tmp, 'enabled.yaml');
    writeFileSync(file, enabled);
    const v = await runInProcess(['validate', file]);
    expect(v.code, v.stdout).toBe(0);
    // The same through the renderer's own switch.
    const direct = renderChecklistTemplate(builtin, 'zh', { file, enableExamples: true });
    writeFileSync(file, direct);
    expect((await runInProcess(['validate', file])).code).toBe(0);
    // A blank answer file for the custom checklist has the appended and new items and not the dropped one.
    const blank = await runInProcess(['init', '--unit-type', 'township', '--checklist', file]);
    expect(blank.code, blank.stderr).toBe(0);
    expect(blank.stdout).toMatch(/# A1\.1\.90: \{ status: \},/);
    expect(blank.stdout).toMatch(/# A6\.1: \{ status: \},/);
    expect(blank.stdout).not.toMatch(/# A5\.3\.2: /);
  });

  it('refuses --unit with the template, a non-built-in base, and an existing file', async () => {
    expect((await runInProcess(['init', '--checklist-template', '--unit', 'x'], {}, tmp)).stderr).toMatch(/不能与 --unit 或 --unit-type 同时使用/);
    const notBuiltin = await runInProcess(['init', '--checklist-template', '--checklist', 'examples/custom/xx-county-2026.yaml']);
    expect(notBuiltin.code).toBe(2);
    expect(notBuiltin.stderr).toMatch(/模板只能继承内置检查表/);
    writeFileSync(join(tmp, 'taken.yaml'), 'x: 1\n');
    const taken = await runInProcess(['init', '--checklist-template', '--out', 'taken.yaml'], {}, tmp);
    expect(taken.code).toBe(2);
    expect(existsSync(join(tmp, 'taken.yaml')) && readFileSync(join(tmp, 'taken.yaml'), 'utf8')).toBe('x: 1\n');
  });
});

describe('wangxin init --checklist FILE', () => {
  it('names the checklist file in the commands it prints and writes into the answer file, which run as printed', async () => {
    const dir = mkdtempSync(join(tmp, 'custom-'));
    const checklist = join(dir, 'city.yaml');
    writeFileSync(checklist, 'schemaVersion: 1\nid: city-test\nversion: 1.0.0\ntitle: 市级测试\nunitTypes:\n  - { id: township, label: 乡镇 }\nareas:\n  - id: A1\n    title: 一、测试\n    items:\n      - { id: A1.1, text: 条目, points: 10 }\n');
    const r = await runInProcess(['init', '--checklist', 'city.yaml', '--unit', '甲镇', '--unit-type', 'township', '--out', 'a.yaml'], {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain('wangxin validate a.yaml --checklist city.yaml');
    const text = readFileSync(join(dir, 'a.yaml'), 'utf8');
    expect(text).toContain('# 检查：wangxin validate 本文件 --checklist city.yaml；评分：wangxin score 本文件 --checklist city.yaml');
    // The unit was named: no request to fill in its name.
    expect(text).not.toContain('请把 unit 中的 name 改为单位全称');
    const v = await runInProcess(['validate', 'a.yaml', '--checklist', 'city.yaml'], {}, dir);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    // A built-in checklist needs no --checklist, and a placeholder name is still pointed out.
    const b = await runInProcess(['init', '--unit-type', 'township', '--out', 'b.yaml'], {}, dir);
    expect(b.stdout + b.stderr).not.toContain('--checklist');
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toContain('请把 unit 中的 name 改为单位全称');
  });
});
