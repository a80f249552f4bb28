// End to end: `wangxin run` in a real terminal (tmux), interrupted with Ctrl-C, resumed, finished, and checked against `score`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/check/check-file.js';
import { applyingItems } from '../../src/model/checklist.js';
import { pickText } from '../../src/model/text.js';
import { builtinChecklist, makeTempDir } from '../walk/helpers.js';
import { BIN, HAS_TMUX, tmuxDriver } from '../helpers/tmux.js';

if (!HAS_TMUX) console.warn('run-tmux.test.ts skipped: tmux is not on PATH (install tmux to run the terminal test)');

const { screen, waitFor, waitForFile, start, stop, keys, type, endSitting, removeSocket } = tmuxDriver('test');

/** Waits for the answer select of an item (本项情况 / 本项完成比例 / 本项扣分情况). */
const atItem = (id: string): Promise<string> => waitFor(new RegExp(`^${id.replace(/\./g, '\\.')} {2}\\[[\\s\\S]*^\\? 本项`, 'm'));
const prompt = (label: string): Promise<string> => waitFor(new RegExp(`^\\? ${label}`, 'm'));
/** The item's choice is the prompt in progress again (no other question below it). */
const LAST_PROMPT_IS_CHOICE = /^\? 本项情况[^\n]*\n(?![\s\S]*^[?✔] )/m;

/** Presses ↓ until the select's cursor is on the choice starting with `label`. */
async function moveTo(label: string): Promise<void> {
  const onIt = new RegExp(`^❯ ${label}`, 'm');
  for (let i = 0; i < 20; i++) {
    if (onIt.test(screen())) return;
    keys('Down');
    await new Promise((r) => setTimeout(r, 80));
  }
  await waitFor(onIt, 2000);
}

/** Answers the status item on screen: `downs` presses of ↓ from 符合, then note and evidence. */
async function answerStatus(id: string, downs: number, note = '', evidence = ''): Promise<void> {
  await atItem(id);
  // A new item starts on the placeholder: one ↓ reaches 符合.
  for (let i = 0; i < downs + 1; i++) keys('Down');
  keys('Enter');
  await prompt(downs === 3 ? '不适用的理由' : downs > 0 ? '存在的问题' : '备注');
  if (note) type(note);
  keys('Enter');
  await prompt('佐证材料：文件路径');
  if (evidence) type(evidence);
  keys('Enter');
  if (downs === 1 || downs === 2) await skipRectify();
}

/** Declines the rectification task offered after a shortfall (Enter takes the default, no). */
async function skipRectify(): Promise<void> {
  await prompt('现在记录整改计划');
  keys('Enter');
}

/** Answers the ratio item on screen with `value` (a value below 1 is asked about the gap). */
async function answerRatio(id: string, value: string): Promise<void> {
  await atItem(id);
  keys('Down', 'Enter');
  await prompt('完成比例');
  type(value);
  keys('Enter');
  await prompt(Number(value) < 1 ? '存在的问题' : '备注');
  keys('Enter');
  await prompt('佐证材料：文件路径');
  keys('Enter');
  if (Number(value) < 1) await skipRectify();
}

/** Answers the two-rule deduct item on screen: `count` times the first rule, the second left at its default 0. */
async function answerDeduct(id: string, count: number): Promise<void> {
  await atItem(id);
  keys('Down', 'Enter');
  await waitFor(/^\? “.*”（每次扣 [\d.]+ 分）的次数/m);
  type(String(count));
  keys('Enter');
  // The second rule's prompt, once the first shows its answer (both prompts show the default "(0)").
  await waitFor(new RegExp(`^✔ “[^\\n]*的次数 ${count}$[\\s\\S]*^\\? “[^\\n]*”（每次扣 [\\d.]+ 分）的次数`, 'm'));
  keys('Enter');
  await prompt(count > 0 ? '存在的问题' : '备注');
  keys('Enter');
  await prompt('佐证材料：文件路径');
  keys('Enter');
  if (count > 0) await skipRectify();
}

describe.skipIf(!HAS_TMUX)('wangxin run in a real terminal (tmux)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let answers: string;
  let report: string;
  const env = 'env NO_COLOR=1 LANG=zh_CN.UTF-8';

  beforeAll(() => {
    stop();
    tmp = makeTempDir('wangxin-tmux-');
    answers = join(tmp.dir, 'a.yaml');
    report = join(tmp.dir, 'r.md');
  });
  afterEach(() => stop());
  afterAll(() => {
    tmp.remove();
    removeSocket();
  });

  it('answers, is interrupted with Ctrl-C (130), resumes at the right item, finishes (0) and agrees with score', async () => {
    await start(
      `${env} node ${BIN} run --unit 某某镇党委 --unit-type township --answers ${answers} --report ${report} --lang zh; echo EXIT=$? > ${join(tmp.dir, 'exit1')}`,
      tmp.dir,
    );
    await prompt('填报人姓名');
    type('张三');
    keys('Enter');
    await prompt('填报人职务');
    keys('Enter');
    await prompt('填报人联系方式');
    type('0871-6100001');
    keys('Enter');
    await prompt('评估期间');
    type('2026年度');
    keys('Enter');
    const first = await atItem('A1.1.1');
    expect(first).toContain('第 1/5 部分 · 第 1/42 项');
    expect(first).toContain('依据：「');
    // Nothing is preselected on a new item: Enter alone does not pass it.
    expect(first).toMatch(/^❯ （请用 ↑↓ 选择）/m);
    keys('Enter');
    await waitFor('请先用 ↑↓ 移到一个选项，再按回车');
    await answerStatus('A1.1.1', 0, '', 'a.pdf; b.pdf');
    await answerStatus('A1.1.2', 1, '未落实');
    await answerStatus('A1.1.3', 0); // a veto item: pass or fail only
    // na: an empty reason is refused at the prompt; Esc leaves it, back to the choice.
    await atItem('A1.2.1');
    keys('Down', 'Down', 'Down', 'Down', 'Enter');
    await prompt('不适用的理由');
    keys('Enter');
    await waitFor('选择“不适用”时必须说明理由');
    keys('Escape');
    await waitFor(LAST_PROMPT_IS_CHOICE);
    keys('Down', 'Down', 'Down', 'Down', 'Enter');
    await prompt('不适用的理由');
    type('年内未组织');
    keys('Enter');
    await prompt('佐证材料：文件路径');
    keys('Enter');
    await answerStatus('A1.2.2', 0);
    await answerRatio('A1.3.2', '1');
    for (const id of ['A1.3.3', 'A2.1.1', 'A2.1.2', 'A2.2.1']) await answerStatus(id, 0);
    await answerRatio('A2.2.2', '1');
    await answerStatus('A2.3.1', 0);
    // The ratio item: 75 is refused with a hint, 3/4 accepted.
    await atItem('A2.3.2');
    keys('Down', 'Enter');
    await prompt('完成比例');
    type('75');
    keys('Enter');
    await waitFor('是否想输入 75%');
    keys('BSpace', 'BSpace');
    type('3/4');
    keys('Enter');
    await prompt('存在的问题'); // below 1: asked about the gap
    keys('Enter');
    await prompt('佐证材料：文件路径');
    keys('Enter');
    await skipRectify();
    await answerStatus('A2.3.3', 0);
    // A fail with its rectification task: a bad due date is refused at the prompt.
    await atItem('A3.1.1');
    keys('Down', 'Down', 'Down', 'Enter');
    await prompt('存在的问题');
    type('无审核登记');
    keys('Enter');
    await prompt('佐证材料：文件路径');
    keys('Enter');
    await prompt('现在记录整改计划');
    type('y');
    keys('Enter');
    await prompt('整改措施');
    type('建立信息发布审核登记表');
    keys('Enter');
    await prompt('整改责任人');
    type('王芳');
    keys('Enter');
    await prompt('整改期限');
    type('2026-6-30');
    keys('Enter');
    await waitFor('“2026-6-30”不是有效日期');
    for (let i = 0; i < 9; i++) keys('BSpace');
    type('2026-06-30');
    keys('Enter');
    await prompt('整改状态');
    keys('Enter');
    for (const id of ['A3.1.2', 'A3.1.5', 'A3.1.6', 'A3.1.7']) await answerStatus(id, 0);
    // The deduct items: one count per rule.
    await answerDeduct('A3.1.8', 0);
    await answerDeduct('A3.2.3', 1);
    await atItem('A3.2.5');
    keys('C-c');
    expect(await waitForFile(join(tmp.dir, 'exit1'))).toBe('EXIT=130\n');
    const stopped = await waitFor('继续作答请运行：');
    expect(stopped).toContain(`wangxin run --answers ${answers}`);
    expect(existsSync(`${answers}.lock`)).toBe(false);

    const saved = await checkFile(answers, {}, 'answers');
    expect(saved.errors).toEqual([]);
    expect(saved.answers?.assessor).toEqual({ name: '张三', contact: '0871-6100001' });
    expect(saved.answers?.period).toBe('2026年度');
    expect(saved.answers?.answers).toEqual({
      'A1.1.1': { status: 'pass', evidence: ['a.pdf', 'b.pdf'] },
      'A1.1.2': { status: 'partial', note: '未落实' },
      'A1.1.3': { status: 'pass' },
      'A1.2.1': { status: 'na', note: '年内未组织' },
      'A1.2.2': { status: 'pass' },
      'A1.3.2': { value: 1 },
      'A1.3.3': { status: 'pass' },
      'A2.1.1': { status: 'pass' },
      'A2.1.2': { status: 'pass' },
      'A2.2.1': { status: 'pass' },
      'A2.2.2': { value: 1 },
      'A2.3.1': { status: 'pass' },
      'A2.3.2': { value: 0.75 },
      'A2.3.3': { status: 'pass' },
      'A3.1.1': { status: 'fail', note: '无审核登记', rectify: { measures: '建立信息发布审核登记表', owner: '王芳', due: '2026-06-30', status: 'open' } },
      'A3.1.2': { status: 'pass' },
      'A3.1.5': { status: 'pass' },
      'A3.1.6': { status: 'pass' },
      'A3.1.7': { status: 'pass' },
      'A3.1.8': { deductions: {} },
      'A3.2.3': { deductions: { d1: 1 } },
    });
    expect(readFileSync(answers, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\S*schemas\/answers\.schema\.json\n/);
    endSitting();

    // Second sitting: resumes at the first unanswered item, skips it, answers the next, goes back
    // to it from the unanswered list and on to the next unanswered item (over the one answered);
    // jumps to a finished area (its first item) and to an open one (its first unanswered item).
    await start(`${env} node ${BIN} run --answers ${answers} --report ${report} --lang zh; echo EXIT=$? > ${join(tmp.dir, 'exit2')}`, tmp.dir);
    const resumed = await atItem('A3.2.5');
    expect(resumed).toContain('已作答 21/42 项，从第一个未作答的条目 A3.2.5 继续');
    expect(resumed).toContain('第 3/5 部分 · 第 22/42 项');
    await moveTo('→ 跳过');
    keys('Enter');
    await answerStatus('A3.3.2', 0);
    await atItem('A3.3.3');
    await moveTo('☐ 查看未作答条目');
    keys('Enter');
    await prompt('未作答条目');
    await moveTo('A3\\.2\\.5');
    keys('Enter');
    await answerStatus('A3.2.5', 0);
    expect(await atItem('A3.3.3')).toContain('第 3/5 部分 · 第 24/42 项');
    await moveTo('⇢ 跳转到某一部分');
    keys('Enter');
    await prompt('跳转到哪一部分');
    await moveTo('一、');
    keys('Enter');
    expect(await atItem('A1.1.1')).toContain('已有答案：符合');
    await moveTo('⇢ 跳转到某一部分');
    keys('Enter');
    await prompt('跳转到哪一部分');
    await moveTo('三、');
    keys('Enter');
    await atItem('A3.3.3');
    await moveTo('✓ 结束作答');
    keys('Enter');
    await waitFor('仍然结束并生成报告吗');
    type('y');
    keys('Enter');
    expect(await waitForFile(join(tmp.dir, 'exit2'))).toBe('EXIT=0\n');
    const summary = await waitFor('报告已写入');
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toContain('某某镇党委');
    // The header the first sitting asked for, in the report's header.
    expect(readFileSync(report, 'utf8')).toContain('| 填报人 | 张三（0871-6100001） |');
    expect(readFileSync(report, 'utf8')).toContain('| 评估期间 | 2026年度 |');
    expect(existsSync(`${answers}.lock`)).toBe(false);

    const shown = /得分 (\d+\.\d)（基础分 (\d+\.\d)，加分 (\d+\.\d)）/.exec(summary);
    expect(shown, summary).not.toBeNull();
    // `score` prints the Markdown report (1 decimal, like the summary) and the JSON one (2 decimals).
    const markdown = execFileSync('node', [BIN, 'score', answers, '--lang', 'zh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(markdown).toContain(`总分 ${shown![1]} 分`);
    const scored = JSON.parse(
      execFileSync('node', [BIN, 'score', answers, '--format', 'json', '--lang', 'zh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    ) as { score: number; baseScore: number; bonusScore: number };
    expect(Math.abs(scored.score - Number(shown![1]))).toBeLessThanOrEqual(0.05);
    expect(Math.abs(scored.baseScore - Number(shown![2]))).toBeLessThanOrEqual(0.05);
    expect(Math.abs(scored.bonusScore - Number(shown![3]))).toBeLessThanOrEqual(0.05);
    const kept = await checkFile(answers, {}, 'answers');
    expect(kept.answers?.answers['A3.2.5']).toEqual({ status: 'pass' });
    expect(kept.answers?.answers['A3.3.2']).toEqual({ status: 'pass' });
    expect(kept.answers?.answers['A3.3.3']).toBeUndefined();
    endSitting();

    // Third sitting, in English at 70 columns: the item's text is wrapped at words, never inside one.
    await start(`${env} node ${BIN} run --answers ${answers} --lang en; echo EXIT=$? > ${join(tmp.dir, 'exit3')}`, tmp.dir, 70);
    const english = await waitFor(/^A3\.3\.3 {2}\[[\s\S]*^\? This item is/m);
    const item = applyingItems(await builtinChecklist(), 'township').find((p) => p.item.id === 'A3.3.3')!.item;
    const onScreen = new Set(english.split('\n').flatMap((line) => line.trim().split(/\s+/)));
    const words = pickText(item.text, 'en').split(/\s+/);
    expect(words.length).toBeGreaterThan(12); // long enough to wrap at 70 columns
    for (const word of words) expect(onScreen, `"${word}" is cut across lines:\n${english}`).toContain(word);
    keys('C-c');
    expect(await waitForFile(join(tmp.dir, 'exit3'))).toBe('EXIT=130\n');
    const stopped3 = await waitFor('To continue, run:');
    expect(stopped3).toMatch(/^Interrupted\. 23\/42 items answered/m);
  }, 120_000); // many 15 s waits: a slow CI machine must not hit vitest's default first
});
