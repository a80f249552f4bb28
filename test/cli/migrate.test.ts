// `wangxin migrate`: to the county's custom checklist (valid result), target naming and refusal, old version unknown, exit codes, and the built-in 1.0.0 answers to 1.1.0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runBinary, runInProcess } from '../helpers/run-cli.js';
import { runRun } from '../../src/cli/run.js';
import type { CommandContext, Io } from '../../src/io/io.js';
import { NO_PAINT } from '../../src/diagnostics/render.js';
import { createScriptedPrompter } from '../../src/walk/scripted-prompter.js';
import { parseYaml } from '../../src/load/parse-yaml.js';

/** A command context in `cwd` with captured output and a terminal. */
function capture(cwd: string): { ctx: CommandContext; err: () => string } {
  let err = '';
  const io: Io = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => ((err += s), true) },
    stdin: { isTTY: true } as unknown as Io['stdin'],
    env: {},
    cwd,
  };
  return { ctx: { io, lang: 'zh', paint: NO_PAINT, paintErr: NO_PAINT }, err: () => err };
}

const CUSTOM = join(ROOT, 'examples/custom/xx-county-2026.yaml');
const STACK = /\n\s+at .+:\d+:\d+/;
let tmp = '';
let original = '';
let originalText = '';

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'wangxin-migrate-'));
  original = join(tmp, 'township.yaml');
  copyFileSync(join(ROOT, 'examples/answers/township.yaml'), original);
  originalText = readFileSync(original, 'utf8');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('wangxin migrate: the file it writes and the command it suggests', () => {
  it('names the file after the new checklist and version, and the printed run command works as printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wangxin-migrate-next-'));
    try {
      copyFileSync(join(ROOT, 'examples/custom/xx-county-2026.yaml'), join(dir, 'xx-county-2026.yaml'));
      // Answers named after the version they were made for: the new name replaces that version.
      copyFileSync(join(ROOT, 'test/fixtures/migrate/1.0.0/township.yaml'), join(dir, '青山镇党委.1.0.0.yaml'));
      const builtin = await runInProcess(['migrate', '青山镇党委.1.0.0.yaml', '--to', 'county-cyber-2018'], {}, dir);
      expect(builtin.code, builtin.stderr).toBe(0);
      expect(existsSync(join(dir, '青山镇党委.1.1.0.yaml'))).toBe(true);
      expect(builtin.stdout).toMatch(/运行 wangxin run --answers 青山镇党委\.1\.1\.0\.yaml 继续填写/);
      // To a custom checklist of the same version number: its id is in the name, and run is told where it is.
      const custom = await runInProcess(['migrate', '青山镇党委.1.1.0.yaml', '--to', 'xx-county-2026.yaml'], {}, dir);
      expect(custom.code, custom.stderr).toBe(0);
      const written = '青山镇党委.xx-county-2026-1.1.0.yaml';
      expect(existsSync(join(dir, written))).toBe(true);
      const command = /运行 (wangxin run [^\n]+?) 继续填写/.exec(custom.stdout)?.[1];
      expect(command).toBe(`wangxin run --answers ${written} --checklist xx-county-2026.yaml`);
      // As printed: the same arguments, in the same folder, open the file and walk it.
      const args = command!.split(' ').slice(2);
      const opts = { answers: args[args.indexOf('--answers') + 1], checklist: args[args.indexOf('--checklist') + 1] };
      const c = capture(dir);
      const code = await runRun(opts, c.ctx, { prompter: createScriptedPrompter([{ select: '@quit' }]) });
      expect(code, c.err()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('wangxin migrate', () => {
  it('migrates the township example to the custom checklist: report, new file beside the original, valid against it', async () => {
    const r = await runInProcess(['migrate', 'township.yaml', '--to', CUSTOM], {}, tmp);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# 答卷迁移：township\.yaml → township\.xx-county-2026-1\.1\.0\.yaml/);
    expect(r.stdout).toMatch(/检查表：county-cyber-2018 1\.1\.0 → xx-county-2026 1\.1\.0/);
    expect(r.stdout).toMatch(/保留答案 41 个。/);
    expect(r.stdout).toMatch(/新增条目，需要作答（3）：\n {2}- A4\.1\.X1 [^\n]+\n {2}- A6\.1 [^\n]+\n {2}- A6\.2 /);
    expect(r.stdout).toMatch(/新检查表中已删除的条目（1）：\n {2}- A2\.3\.3 .*原答案已丢弃/);
    expect(r.stdout).toMatch(/有变化、需要重新核对的条目（2）：\n {2}- A4\.1\.3 .*内容有变化；答案已保留\n {2}- A4\.1\.4 .*分值有变化；答案已保留/);
    expect(r.stdout).toMatch(/迁移后共有 3 个条目未作答/);
    const out = join(tmp, 'township.xx-county-2026-1.1.0.yaml');
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*answers\.schema\.json\n/);
    expect(text).toMatch(/^checklist: \{ id: xx-county-2026, version: 1\.1\.0 \}$/m);
    // The removed item's answer is no answer any more: only a comment at the end keeps it.
    expect(text).not.toMatch(/^ +A2\.3\.3:/m);
    expect(text).toMatch(/\n# {3}A2\.3\.3: \{"status":/);
    expect(text).toMatch(/^ {2}A4\.1\.4: \{ value: 0\.8, note: /m);
    expect(readFileSync(original, 'utf8')).toBe(originalText);
    const v = runBinary(['validate', out, '--checklist', CUSTOM]);
    expect(v.code, v.stdout).toBe(0);
    const s = await runInProcess(['score', out, '--checklist', CUSTOM, '--format', 'json']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).unanswered).toEqual(['A4.1.X1', 'A6.1', 'A6.2']);
  });

  it('refuses an existing target unless --force, and never the original', async () => {
    const again = await runInProcess(['migrate', 'township.yaml', '--to', CUSTOM], {}, tmp);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/目标文件 township\.xx-county-2026-1\.1\.0\.yaml 已存在，未覆盖/);
    expect(again.stderr).not.toMatch(STACK);
    expect((await runInProcess(['migrate', 'township.yaml', '--to', CUSTOM, '--force'], {}, tmp)).code).toBe(0);
    const same = await runInProcess(['migrate', 'township.yaml', '--to', CUSTOM, '--out', 'township.yaml', '--force', '--lang', 'en'], {}, tmp);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/township\.yaml \(--out\) is the input .*township\.yaml: writing it would overwrite that file\. Nothing was written/);
    expect(readFileSync(original, 'utf8')).toBe(originalText);
  });

  it('--out names the target; English report', async () => {
    const r = await runInProcess(['migrate', original, '--to', CUSTOM, '--out', join(tmp, 'sub/2026.yaml'), '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/New items, to answer \(3\):/);
    expect(r.stdout).toMatch(/Changed items, to re-check \(2\):\n {2}- A4\.1\.3 .* — text changed; answer kept/);
    expect(existsSync(join(tmp, 'sub/2026.yaml'))).toBe(true);
  });

  it('says when the old checklist version is not available and treats changes as unknown', async () => {
    const file = join(tmp, 'old-version.yaml');
    writeFileSync(file, originalText.replace('version: 1.1.0', 'version: 0.9.0'));
    const r = await runInProcess(['migrate', file, '--to', CUSTOM]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/找不到答卷原来对应的检查表 county-cyber-2018 0\.9\.0（只找到版本 1\.1\.0），无法判断/);
    expect(r.stdout).not.toMatch(/需要重新核对/);
    expect(r.stdout).toMatch(/新增条目，需要作答（3）/);
    expect(existsSync(join(tmp, 'old-version.xx-county-2026-1.1.0.yaml'))).toBe(true);
  });

  it('back from the custom checklist to the built-in: refused without --from (its checklist id is unknown), done with it', async () => {
    const custom = join(tmp, 'custom.yaml');
    copyFileSync(join(ROOT, 'examples/custom/answers-township.yaml'), custom);
    const r = await runInProcess(['migrate', custom, '--to', 'county-cyber-2018', '--out', join(tmp, 'back1.yaml')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    // Located at the id the answer file names, with its code frame.
    expect(r.stderr).toMatch(/custom\.yaml:5:18 {2}错误 {2}找不到检查表“xx-county-2026”（内置：county-cyber-2018）。请用 --from 指定答卷原来对应的检查表（内置编号或文件路径） {2}UNKNOWN_CHECKLIST/);
    expect(r.stderr).toMatch(/> 5 \| checklist: \{ id: xx-county-2026/);
    expect(r.stderr).toMatch(/不知道答卷对应的检查表“xx-county-2026”，未迁移。加上 --from 后重试/);
    expect(existsSync(join(tmp, 'back1.yaml'))).toBe(false);
    const en = await runInProcess(['migrate', custom, '--to', 'county-cyber-2018', '--out', join(tmp, 'back1.yaml'), '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/custom\.yaml:5:18 {2}error {2}no checklist "xx-county-2026" .*Name the checklist the answers were made for with --from/);
    expect(en.stderr).not.toMatch(STACK);
    const known = await runInProcess(['migrate', custom, '--to', 'county-cyber-2018', '--from', CUSTOM, '--out', join(tmp, 'back2.yaml')]);
    expect(known.code, known.stderr).toBe(0);
    expect(known.stdout).toMatch(/新增条目，需要作答（1）：\n {2}- A2\.3\.3/);
    expect(runBinary(['validate', join(tmp, 'back2.yaml')]).code).toBe(0);
  });

  it('drops answers whose kind changed or whose deductions are gone, and the result validates', async () => {
    const next = join(tmp, 'next.yaml');
    writeFileSync(
      next,
      [
        'schemaVersion: 1',
        'id: county-cyber-2018-next',
        'version: 2.0.0',
        'title: 下一版',
        'extends: county-cyber-2018',
        'override:',
        '  A1.1.1: { kind: ratio }',
        '  A4.1.5: { deductions: [ { id: d1, text: 每台扣0.5分, points: 0.5 } ] }',
        '',
      ].join('\n'),
    );
    const r = await runInProcess(['migrate', original, '--to', next, '--out', join(tmp, 'next-answers.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/- A1\.1\.1 .*作答方式已改变，原答案不再有效/);
    expect(r.stdout).toMatch(/- A4\.1\.5 .*原答案中的扣分项在新检查表中已不存在/);
    expect(r.stdout).toMatch(/- A1\.1\.1 .*作答方式有变化；答案已丢弃/);
    expect(runBinary(['validate', join(tmp, 'next-answers.yaml'), '--checklist', next]).code).toBe(0);
    // Nothing the unit wrote is lost with a dropped answer: each is kept, as it was, as a comment at the end.
    expect(r.stdout).toContain('原答案连同说明、佐证和整改任务，以注释原样保留在新文件末尾');
    const written = readFileSync(join(tmp, 'next-answers.yaml'), 'utf8');
    const comments = written.slice(written.indexOf('# 迁移到 county-cyber-2018-next@2.0.0 时未能带过的原答案'));
    const originals = (parseYaml(readFileSync(original, 'utf8'), original).value as { answers: Record<string, unknown> }).answers;
    for (const id of ['A1.1.1', 'A4.1.5']) {
      const line = comments.split('\n').find((l) => l.startsWith(`#   ${id}: `))!;
      expect(JSON.parse(line.slice(`#   ${id}: `.length))).toEqual(originals[id]);
    }
    // They are comments: the file parses to the migrated answers only.
    const parsed = parseYaml(written, 'next-answers.yaml').value as { answers: Record<string, unknown> };
    expect(parsed.answers['A1.1.1']).toBeUndefined();
  });

  it('a workbook migrates to a workbook, and the next step is the spreadsheet program, then a validate that runs as printed', async () => {
    const book = join(tmp, 'unit.xlsx');
    expect((await runInProcess(['convert', original, '--out', book])).code).toBe(0);
    const r = await runInProcess(['migrate', 'unit.xlsx', '--to', CUSTOM], {}, tmp);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('run --answers');
    const command = /用 (wangxin validate [^ ]+ --checklist [^ ]+) 检查/.exec(r.stdout)?.[1];
    expect(command, r.stdout).toBeDefined();
    const v = await runInProcess(command!.split(' ').slice(1), {}, tmp);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('exit 1 for an invalid answer file, 2 for unknown checklists, unreadable files, a unit type the target lacks', async () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, originalText.replace(/^ {2}A1\.1\.1: .*$/m, '  A1.1.1: { status: maybe }'));
    const invalid = await runInProcess(['migrate', bad, '--to', CUSTOM]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/bad\.yaml:9:\d+.*SCHEMA_ENUM[\s\S]*请先修正再迁移/);
    expect(existsSync(join(tmp, 'bad.xx-county-2026-1.1.0.yaml'))).toBe(false);
    const unknown = await runInProcess(['migrate', original, '--to', 'no-such-list']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/找不到检查表“no-such-list”/);
    expect((await runInProcess(['migrate', join(tmp, 'missing.yaml'), '--to', CUSTOM])).stderr).toMatch(/FILE_NOT_FOUND/);
    expect((await runInProcess(['migrate', original])).code).toBe(2);
    const other = join(tmp, 'other-types.yaml');
    writeFileSync(other, 'schemaVersion: 1\nid: other\nversion: 1.0.0\ntitle: 别的\nunitTypes: [ { id: village, label: 村 } ]\nareas:\n  - id: A1\n    title: 一\n    items: [ { id: A1.1.1, text: 条目, points: 1 } ]\n');
    const type = await runInProcess(['migrate', original, '--to', other, '--lang', 'en']);
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/the new checklist other has no unit type "township"/);
    expect(type.stderr).not.toMatch(STACK);
  });
});

describe('answer files of the built-in 1.0.0', () => {
  const OLD = join(ROOT, 'test/fixtures/migrate/1.0.0');
  const TYPES = ['township', 'department', 'cyber-office', 'internet-enterprise', 'cii-operator'];

  it('still validate and score against 1.0.0, kept as county-cyber-2018@1.0.0, and not against the current version', async () => {
    const v = await runInProcess(['validate', ...TYPES.map((t) => join(OLD, `${t}.yaml`))]);
    expect(v.code, v.stdout).toBe(0);
    const s = await runInProcess(['score', join(OLD, 'township.yaml'), '--format', 'json']);
    expect(s.code, s.stderr).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ checklist: { id: 'county-cyber-2018', version: '1.0.0' }, score: 88.76 });
    expect((await runInProcess(['score', join(OLD, 'township.yaml'), '--checklist', 'county-cyber-2018@1.0.0'])).code).toBe(0);
    const current = await runInProcess(['validate', join(OLD, 'township.yaml'), '--checklist', 'county-cyber-2018']);
    expect(current.code).toBe(1);
    expect(current.stdout).toMatch(/CHECKLIST_VERSION_MISMATCH/);
  });

  it('list shows both versions', async () => {
    const r = await runInProcess(['list', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\ncounty-cyber-2018\s+1\.1\.0\s+78\s+County cybersecurity[^\n]*\ncounty-cyber-2018\s+1\.0\.0\s+53\s+County cybersecurity/);
    expect(r.stdout).toMatch(/name an earlier version as id@version \(such as county-cyber-2018@1\.0\.0\)/);
  });

  it.each(TYPES)('%s migrates to 1.1.0: answers kept, split and moved items carried, the rest listed; the result validates', async (type) => {
    const original = join(OLD, `${type}.yaml`);
    const out = join(tmp, `builtin-${type}.yaml`);
    const r = await runInProcess(['migrate', original, '--to', 'county-cyber-2018', '--out', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Checklist: county-cyber-2018 1\.0\.0 → county-cyber-2018 1\.1\.0/);
    expect(r.stdout).not.toMatch(/is not available/);
    const v = await runInProcess(['validate', out]);
    expect(v.code, v.stdout).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^checklist: \{ id: county-cyber-2018, version: 1\.1\.0 \}$/m);
    // Every veto of 1.1.0 applies to every type, so falsified materials (A1.1.3) is new for all.
    expect(r.stdout).toMatch(/New items, to answer \(\d+\):\n {2}- A1\.1\.3 /);
    if (['township', 'department', 'cyber-office'].includes(type)) {
      // Pieces published per month became a ratio (months on target ÷ 12): the status answer cannot be kept.
      expect(r.stdout).toMatch(/Answers dropped \(\d+\):[\s\S]*- A2\.2\.2 .* — the kind changed; the old answer no longer fits/);
    }
    if (type === 'cyber-office') {
      expect(r.stdout).toMatch(/Items given the answer of an item they replace, to re-check \(2\):\n {2}- A3\.2\.6 .* — answer carried over from A3\.2\.4\n {2}- A3\.2\.7 .* — answer carried over from A3\.2\.4/);
      expect(r.stdout).toMatch(/- A3\.2\.4 .* — its answer was carried over to A3\.2\.6, A3\.2\.7/);
      expect(r.stdout).toMatch(/- A5\.2\.3 .* — the item no longer applies to the unit's type/);
      expect(text).toMatch(/^ {2}A3\.2\.6: \{ status: partial, note: 不实信息处置台账完整，网络重点人物台账更新不及时 \}$/m);
      expect(text).toMatch(/^ {2}A3\.2\.7: \{ status: partial, /m);
    }
    if (type === 'internet-enterprise') {
      expect(r.stdout).toMatch(/re-check \(1\):\n {2}- A5\.3\.3 .* — answer carried over from A5\.3\.1/);
      expect(r.stdout).toMatch(/Answers dropped \(0\)/);
      // Newly applying to enterprises: vulnerabilities notified by the county.
      expect(r.stdout).toMatch(/New items, to answer[\s\S]*- A4\.3\.5 /);
    }
    if (type === 'cii-operator') expect(r.stdout).toMatch(/New items, to answer[\s\S]*- A4\.1\.5 [\s\S]*- A4\.3\.9 /);
  });
});
