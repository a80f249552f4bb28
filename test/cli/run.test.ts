// `wangxin run` in-process with a scripted Prompter: start, no terminal, lock, invalid files, Ctrl-C and resume, the summary and report.
import { translate, type MessageKey } from '../../src/i18n/translate.js';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext, Io } from '../../src/io/io.js';
import { main } from '../../src/cli/main.js';
import { runRun, type RunOptions } from '../../src/cli/run.js';
import { formatLocalTime } from '../../src/util/local-time.js';
import { NO_PAINT } from '../../src/diagnostics/render.js';
import type { Lang } from '../../src/i18n/lang.js';
import type { Checklist } from '../../src/model/checklist.js';
import { scoreAnswers } from '../../src/score/score.js';
import { formatFixed } from '../../src/score/round.js';
import { checkFile } from '../../src/check/check-file.js';
import { saveAnswers } from '../../src/walk/answer-file.js';
import { isPidAlive } from '../../src/walk/lock.js';
import { createScriptedPrompter, type ScriptStep } from '../../src/walk/scripted-prompter.js';
import { blankAnswers, builtinChecklist, makeTempDir } from '../walk/helpers.js';
import { fileURLToPath } from 'node:url';

const ROOT_DIR = fileURLToPath(new URL('../../', import.meta.url));

interface Captured {
  io: Io;
  ctx: CommandContext;
  out: () => string;
  err: () => string;
}

function capture(cwd: string, lang: Lang = 'zh', tty = true, env: Record<string, string> = {}): Captured {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    // A stand-in stdin that only answers isTTY: the scripted prompter never reads it.
    stdin: { isTTY: tty } as unknown as Io['stdin'],
    env: { LANG: lang === 'en' ? 'en_US.UTF-8' : 'zh_CN.UTF-8', ...env },
    cwd,
  };
  return { io, ctx: { io, lang, paint: NO_PAINT, paintErr: NO_PAINT }, out: () => out, err: () => err };
}

let checklist: Checklist;
beforeAll(async () => {
  checklist = await builtinChecklist();
});

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('wangxin-run-');
});
afterEach(() => tmp.remove());

async function run(options: RunOptions, steps: ScriptStep[], lang: Lang = 'zh') {
  const c = capture(tmp.dir, lang);
  const prompter = createScriptedPrompter(steps);
  const code = await runRun(options, c.ctx, { prompter, generatedAt: '2026-06-01T00:00:00Z' });
  return { code, prompter, out: c.out(), err: c.err() };
}

const base = (file = 'a.yaml'): RunOptions => ({ unit: '某某镇党委', unitType: 'township', answers: file });
/** Name, role (skipped), contact and period: a complete header, so a resumed file does not ask again. */
const ASSESSOR: ScriptStep[] = [{ input: '张三' }, { input: '' }, { input: '0871-6100001' }, { input: '2026年度' }];
/** The four header questions of a resumed file that lacks them, skipped. */
const SKIP_HEADER: ScriptStep[] = [{ input: '' }, { input: '' }, { input: '' }, { input: '' }];
const deadPid = (): number => {
  for (let pid = 4_000_000; ; pid++) if (!isPidAlive(pid)) return pid;
};

describe('run without a terminal', () => {
  it('exits 2 at once, pointing to init, score and batch', async () => {
    const c = capture(tmp.dir, 'zh', false);
    const code = await main(['run', '--unit', 'x', '--unit-type', 'township'], c.io);
    expect(code).toBe(2);
    expect(c.err()).toContain('wangxin init');
    expect(c.err()).toContain('wangxin score');
    expect(c.err()).toContain('wangxin batch');
    expect(existsSync(join(tmp.dir, 'answers'))).toBe(false);
    const en = capture(tmp.dir, 'en', false);
    expect(await main(['run', '--lang', 'en'], en.io)).toBe(2);
    expect(en.err()).toContain('needs a terminal');
  });
});

describe('run: starting', () => {
  it('asks the unit, the answer file (default answers/<unit>.yaml), type and assessor, then walks and saves', async () => {
    const { code, out, prompter } = await run({}, [
      { input: '某某镇党委' },
      { input: '' },
      { select: 'township' },
      ...ASSESSOR,
      { select: 'pass' },
      { input: '' },
      { input: '纪要.pdf' },
      { select: '@quit' },
    ]);
    expect(code).toBe(0);
    const file = join(tmp.dir, 'answers', '某某镇党委.yaml');
    const check = await checkFile(file, {}, 'answers');
    expect(check.errors).toEqual([]);
    expect(check.answers).toMatchObject({
      unit: { name: '某某镇党委', type: 'township' },
      assessor: { name: '张三', contact: '0871-6100001' },
      period: '2026年度',
      answers: { 'A1.1.1': { status: 'pass', evidence: ['纪要.pdf'] } },
    });
    expect(check.answers?.assessor).not.toHaveProperty('role');
    expect(prompter.asked[1].default).toBe(join('answers', '某某镇党委.yaml'));
    expect(prompter.asked[2].values).toEqual(checklist.unitTypes.map((u) => u.id));
    expect(prompter.screens[0]).toContain(translate('zh', 'run.created', { file: join('answers', '某某镇党委.yaml') }));
    expect(out).toContain(translate('zh', 'run.resumeHint', { command: `wangxin run --answers ${join('answers', '某某镇党委.yaml')}` }));
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('refuses an unknown unit type, checklist or report extension with exit 2 before asking anything', async () => {
    const a = await run({ ...base(), unitType: 'village' }, ASSESSOR);
    expect(a.code).toBe(2);
    expect(a.err).toContain('village');
    expect(a.err).toContain('township');
    expect(existsSync(join(tmp.dir, 'a.yaml'))).toBe(false);
    const b = await run({ ...base(), checklist: 'no-such-list' }, []);
    expect(b.code).toBe(2);
    expect(b.err).toContain('no-such-list');
    const c = await run({ ...base(), report: 'r.txt' }, []);
    expect(c.code).toBe(2);
    expect(c.err).toContain('.md/.json/.html');
    // Without --unit or --answers too: no question about the unit before the type is refused.
    const d = await run({ unitType: 'village' }, []);
    expect(d.code).toBe(2);
    expect(d.err).toContain('village');
  });
});

describe('run: interrupting and resuming', () => {
  it('Ctrl-C keeps the answers, prints the resume command and exits 130; the next run resumes there', async () => {
    const first = await run(base(), [...ASSESSOR, { select: 'pass' }, { input: '' }, { input: '' }, { select: 'fail' }, { input: '问题' }, { input: '' }, { confirm: false }, { select: 'fail' }, { interrupt: true }]);
    expect(first.code).toBe(130);
    const file = join(tmp.dir, 'a.yaml');
    const check = await checkFile(file, {}, 'answers');
    expect(check.errors).toEqual([]);
    expect(check.answers?.answers).toEqual({ 'A1.1.1': { status: 'pass' }, 'A1.1.2': { status: 'fail', note: '问题' } });
    expect(first.out).toContain(translate('zh', 'run.interrupted', { done: 2, total: 42, file: 'a.yaml' }));
    expect(first.out).toContain('wangxin run --answers a.yaml');
    expect(existsSync(`${file}.lock`)).toBe(false);

    const second = await run({ answers: 'a.yaml' }, [{ select: '@quit' }]);
    expect(second.code).toBe(0);
    expect(second.prompter.screens[0]).toContain(translate('zh', 'run.continuing', { file: 'a.yaml' }));
    expect(second.prompter.screens[0]).toContain(translate('zh', 'walk.resume', { done: 2, total: 42, id: 'A1.1.3' }));
    expect(second.prompter.screens[0]).toMatch(/^A1\.1\.3 {2}\[/m);
  });

  it('started through npx, the resume command starts with npx wangxin', async () => {
    const c = capture(tmp.dir, 'zh', true, { npm_command: 'exec', npm_lifecycle_event: 'npx' });
    const prompter = createScriptedPrompter([...ASSESSOR, { select: 'pass' }, { input: '' }, { input: '' }, { interrupt: true }]);
    const code = await runRun(base(), c.ctx, { prompter, generatedAt: '2026-06-01T00:00:00Z' });
    expect(code).toBe(130);
    expect(c.out()).toContain(translate('zh', 'run.resumeHint', { command: 'npx wangxin run --answers a.yaml' }));
    // Started as wangxin, it says wangxin.
    const plain = await run({ answers: 'a.yaml' }, [{ interrupt: true }]);
    expect(plain.out).toMatch(/(?<!npx )wangxin run --answers a\.yaml/);
    expect(plain.out).not.toMatch(/npx wangxin/);
  });

  it('never touches an answer file it cannot validate: exit 1 with the diagnostics', async () => {
    const file = join(tmp.dir, 'bad.yaml');
    const text = 'schemaVersion: 1\nchecklist: { id: county-cyber-2018, version: 1.0.0 }\nunit: { name: x, type: township }\nanswers:\n  A1.1.1: { status: maybe }\n';
    writeFileSync(file, text);
    const { code, err } = await run({ answers: 'bad.yaml' }, []);
    expect(code).toBe(1);
    expect(err).toContain(translate('zh', 'run.invalidAnswers', { file: 'bad.yaml' }));
    expect(err).toMatch(/bad\.yaml:5:/);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("a file from init still named by the placeholder: refused without --unit, taken with it", async () => {
    const init = await main(['init', '--unit-type', 'township', '--out', 'a.yaml'], capture(tmp.dir).io);
    expect(init).toBe(0);
    const file = join(tmp.dir, 'a.yaml');
    const before = readFileSync(file, 'utf8');
    const refused = await run({ answers: 'a.yaml' }, []);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/UNIT_NAME_PLACEHOLDER/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const named = await run({ answers: 'a.yaml', unit: '青山镇党委' }, [...SKIP_HEADER, { select: 'pass' }, { input: '' }, { input: '' }, { select: '@quit' }]);
    expect(named.code, named.err).toBe(0);
    const check = await checkFile(file, {}, 'answers');
    expect(check.errors).toEqual([]);
    expect(check.answers?.unit.name).toBe('青山镇党委');
  });

  it('an unreadable answer file (a folder) exits 2', async () => {
    mkdirSync(join(tmp.dir, 'dir.yaml'));
    expect((await run({ answers: 'dir.yaml' }, [])).code).toBe(2);
  });

  it('refuses an answer workbook, existing or new, before asking anything: it is left as it was, none is made', async () => {
    const book = join(tmp.dir, 'book.xlsx');
    writeFileSync(book, 'PK\u0003\u0004 not really a workbook, but bytes that must stay');
    const before = readFileSync(book);
    const r = await run({ answers: 'book.xlsx' }, [], 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('book.xlsx is a workbook: run fills in YAML answer files');
    expect(r.err).toContain('wangxin convert book.xlsx --to yaml');
    expect(readFileSync(book)).toEqual(before);
    const fresh = await run({ ...base('new.xlsx') }, []);
    expect(fresh.code).toBe(2);
    expect(fresh.err).toContain('new.xlsx 是工作簿');
    expect(existsSync(join(tmp.dir, 'new.xlsx'))).toBe(false);
    // The conversion offered names the checklist given, or it would find none for a custom one.
    const named = await run({ answers: 'book.xlsx', checklist: 'county-cyber-2018@1.0.0' }, [], 'en');
    expect(named.err).toContain('wangxin convert book.xlsx --to yaml --checklist county-cyber-2018@1.0.0');
  });

  it('refuses to change the unit type of a half-done file unless --change-unit-type', async () => {
    const file = join(tmp.dir, 'a.yaml');
    const answers = blankAnswers(checklist);
    answers.answers['A1.1.1'] = { status: 'pass' };
    await saveAnswers(file, answers, checklist);
    const before = readFileSync(file, 'utf8');
    const refused = await run({ answers: 'a.yaml', unitType: 'department' }, []);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--change-unit-type');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const changed = await run({ answers: 'a.yaml', unitType: 'department', changeUnitType: true }, [...SKIP_HEADER, { select: '@quit' }]);
    expect(changed.code).toBe(0);
    expect(changed.prompter.screens[0]).toContain(translate('zh', 'run.unitTypeChanged', { old: 'township', new: 'department' }));
    expect((await checkFile(file, {}, 'answers')).answers?.unit.type).toBe('department');
  });
});

describe('run: the lock', () => {
  it('refuses an answer file that a live run holds', async () => {
    const file = join(tmp.dir, 'a.yaml');
    const startedAt = new Date();
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: startedAt.toISOString() }));
    const { code, err } = await run(base(), []);
    expect(code).toBe(2);
    expect(err).toContain(String(process.pid));
    // The lock as a path from the working folder, the time as local time with its zone.
    expect(err).toContain('删除 a.yaml.lock 后重试');
    expect(err).not.toContain(tmp.dir);
    expect(err).toContain(`开始于 ${formatLocalTime(startedAt)}`);
    expect(formatLocalTime(startedAt)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC([+-]\d{2}:\d{2})?$/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.lock`)).toBe(true); // not ours to remove
  });

  it('takes over the lock of a crashed run and removes it at the end', async () => {
    const file = join(tmp.dir, 'a.yaml');
    const pid = deadPid();
    writeFileSync(`${file}.lock`, JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString() }));
    const { code, prompter } = await run(base(), [...ASSESSOR, { select: '@quit' }]);
    expect(code).toBe(0);
    expect(prompter.screens[0]).toContain(translate('zh', 'run.lockTakenOver', { lock: 'a.yaml.lock', pid }));
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('run: the end', () => {
  it('shows score, grade, veto and areas, writes the report, and agrees with scoring the file', async () => {
    const steps: ScriptStep[] = [...ASSESSOR];
    steps.push({ select: 'pass' }, { input: '' }, { input: '' }); // A1.1.1
    steps.push({ select: 'partial' }, { input: '' }, { input: '' }, { confirm: false }); // A1.1.2
    steps.push({ select: '@finish' }, { confirm: true });
    const { code, out } = await run({ ...base(), report: 'out/r.json' }, steps);
    expect(code).toBe(0);
    const file = join(tmp.dir, 'a.yaml');
    const check = await checkFile(file, {}, 'answers');
    const result = scoreAnswers(check.checklist!, check.answers!);
    expect(out).toContain(translate('zh', 'run.summary.score', { score: formatFixed(result.score, 1), base: formatFixed(result.baseScore, 1), bonus: formatFixed(result.bonusScore, 1), grade: '不合格' }));
    expect(out).toContain(translate('zh', 'run.summary.notVetoed'));
    // The three bonus items open to a township are not shortfalls: they are listed apart.
    expect(out).toContain(translate('zh', 'run.summary.rectify', { count: 38, fail: 0, partial: 1, unanswered: 37 }));
    expect(out).toContain('可争取的加分 3 项');
    expect(out).toContain(translate('zh', 'run.reportWritten', { file: 'out/r.json' }));
    const report = JSON.parse(readFileSync(join(tmp.dir, 'out', 'r.json'), 'utf8')) as { score: number; complete: boolean };
    expect(report.score).toBe(Math.round(result.score * 100) / 100);
    expect(report.complete).toBe(false);
  });

  it('a vetoed unit says so; the default report is <answers>.report.md', async () => {
    const answers = blankAnswers(checklist);
    const file = join(tmp.dir, 'v.yaml');
    answers.answers['A3.3.4'] = { status: 'fail', note: '发生重大事件' };
    await saveAnswers(file, answers, checklist);
    const { code, out } = await run({ answers: 'v.yaml' }, [...SKIP_HEADER, { select: '@finish' }, { confirm: true }], 'en');
    expect(code).toBe(0);
    expect(out).toContain(translate('en', 'run.summary.vetoed', { items: 'A3.3.4' }));
    expect(existsSync(join(tmp.dir, 'v.report.md'))).toBe(true);
  });
});

describe('run: who answers and for which period', () => {
  it('asks the assessor name, role, contact and period once, before the first item, and the report header shows them', async () => {
    const steps: ScriptStep[] = [{ input: '李明' }, { input: '党委宣传委员' }, { input: '0871-6100001' }, { input: '2026年度' }];
    steps.push({ select: 'pass' }, { input: '' }, { input: '' }, { select: '@finish' }, { confirm: true });
    const { code, prompter } = await run({ ...base(), report: 'r.md' }, steps);
    expect(code).toBe(0);
    const header = prompter.asked.slice(0, 4);
    expect(header.map((q) => q.message)).toEqual(
      ['run.ask.assessorName', 'run.ask.assessorRole', 'run.ask.assessorContact', 'run.ask.period'].map((k) => translate('zh', k as MessageKey) + translate('zh', 'run.ask.skip')),
    );
    // Asked once: no other question of the run is about them.
    expect(prompter.asked.slice(4).some((q) => /填报人|评估期间/.test(q.message))).toBe(false);
    const saved = await checkFile(join(tmp.dir, 'a.yaml'), {}, 'answers');
    expect(saved.answers).toMatchObject({ assessor: { name: '李明', role: '党委宣传委员', contact: '0871-6100001' }, period: '2026年度' });
    const md = readFileSync(join(tmp.dir, 'r.md'), 'utf8');
    expect(md).toContain('| 填报人 | 李明（党委宣传委员，0871-6100001） |');
    expect(md).toContain('| 评估期间 | 2026年度 |');
  });

  it('skipped, they are offered again when the file is resumed, with what was given as the default', async () => {
    // Only the name given at first: contact and period are missing.
    const first = await run(base(), [{ input: '张三' }, { input: '' }, { input: '' }, { input: '' }, { select: '@quit' }]);
    expect(first.code).toBe(0);
    expect((await checkFile(join(tmp.dir, 'a.yaml'), {}, 'answers')).answers?.assessor).toEqual({ name: '张三' });
    // Resumed: Enter keeps the name, the contact and period are filled in now.
    const second = await run({ answers: 'a.yaml' }, [{ input: '' }, { input: '' }, { input: '13800000000' }, { input: '2026' }, { select: '@quit' }]);
    expect(second.code).toBe(0);
    expect(second.prompter.output[0]).toBe(translate('zh', 'run.header.incomplete'));
    expect(second.prompter.asked[0]).toMatchObject({ message: translate('zh', 'run.ask.assessorName') + translate('zh', 'run.ask.keep'), default: '张三', answer: '张三' });
    const saved = await checkFile(join(tmp.dir, 'a.yaml'), {}, 'answers');
    expect(saved.answers).toMatchObject({ assessor: { name: '张三', contact: '13800000000' }, period: '2026' });
    // Complete now: a third sitting goes straight to the items.
    const third = await run({ answers: 'a.yaml' }, [{ select: '@quit' }]);
    expect(third.code).toBe(0);
    expect(third.prompter.asked.map((q) => q.kind)).toEqual(['select']);
  });

  it('in English, and an assessor with only a contact still shows in the report header', async () => {
    const { code } = await run({ ...base(), report: 'r.html' }, [{ input: '' }, { input: '' }, { input: 'cyber@example.org' }, { input: '' }, { select: '@finish' }, { confirm: true }], 'en');
    expect(code).toBe(0);
    const html = readFileSync(join(tmp.dir, 'r.html'), 'utf8');
    expect(html).toContain('<tr><th>Assessor</th><td>— (cyber@example.org)</td></tr>');
  });
});

describe('run: a checklist given as a path', () => {
  it('starts with it, and the resume command names it again', async () => {
    const source = readFileSync(join(ROOT_DIR, 'checklists', 'county-cyber-2018.yaml'), 'utf8').replace(/^id: county-cyber-2018$/m, 'id: my-list');
    mkdirSync(join(tmp.dir, 'lists'));
    writeFileSync(join(tmp.dir, 'lists', 'my.yaml'), source);
    const first = await run({ ...base(), checklist: 'lists/my.yaml' }, [...ASSESSOR, { select: 'pass' }, { input: '' }, { input: '' }, { select: '@quit' }]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('wangxin run --answers a.yaml --checklist lists/my.yaml');
    const saved = await checkFile(join(tmp.dir, 'a.yaml'), { ref: join(tmp.dir, 'lists', 'my.yaml') }, 'answers');
    expect(saved.errors).toEqual([]);
    expect(saved.answers?.checklist.id).toBe('my-list');
    // Without the path the checklist id is unknown: a located error, exit 1, file untouched.
    const without = await run({ answers: 'a.yaml' }, []);
    expect(without.code).toBe(1);
    expect(without.err).toContain('my-list');
    const again = await run({ answers: 'a.yaml', checklist: 'lists/my.yaml' }, [{ select: '@quit' }]);
    expect(again.code).toBe(0);
    expect(again.prompter.screens[0]).toMatch(/^A1\.1\.2 {2}\[/m);
  });
});

