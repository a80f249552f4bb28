// `wangxin review` in-process with a scripted Prompter: no terminal, usage errors, --only, confirm and adjust, quit and resume, Ctrl-C, the lock, a changed answer file.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureContext, type CapturedContext } from '../helpers/command-context.js';
import { parseOnly, runReview, type ReviewOptions } from '../../src/cli/review.js';
import { createScriptedPrompter, type ScriptStep } from '../../src/walk/scripted-prompter.js';
import { checkFile } from '../../src/check/check-file.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import type { Review } from '../../src/model/review.js';
import { sha256Hex } from '../../src/fs/sha256.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { makeTempDir } from '../walk/helpers.js';
import { ROOT, runInProcess } from '../helpers/run-cli.js';

const EXAMPLE = join(ROOT, 'examples/loop/2026/township.yaml');

let tmp: ReturnType<typeof makeTempDir>;
let answers = '';
beforeEach(() => {
  tmp = makeTempDir('wangxin-review-');
  answers = join(tmp.dir, 'township.yaml');
  copyFileSync(EXAMPLE, answers);
});
afterEach(() => tmp.remove());

const capture = (tty = true): CapturedContext => captureContext(tmp.dir, 'zh', { tty, env: { SOURCE_DATE_EPOCH: '1796083200' } });

async function review(options: ReviewOptions, steps: ScriptStep[], file = 'township.yaml') {
  const c = capture();
  const prompter = createScriptedPrompter(steps);
  const code = await runReview(file, options, c.ctx, { prompter });
  return { code, out: c.out(), err: c.err(), prompter };
}

const readReview = (name = 'township.review.yaml'): Review => parseYaml(readFileSync(join(tmp.dir, name), 'utf8'), name).value as Review;
/** The item ids whose screens were shown, in order. */
const walked = (screens: string[]): string[] => screens.map((s) => /^(A[\d.]+) {2}\[/m.exec(s)?.[1]).filter((x): x is string => x !== undefined);

describe('review: before any question', () => {
  it('without a terminal exits 2 at once, pointing to score and batch, and writes nothing', async () => {
    const c = capture(false);
    const code = await runReview('township.yaml', { reviewer: '赵强' }, c.ctx);
    expect(code).toBe(2);
    expect(c.err()).toMatch(/review 是交互式命令.*wangxin score.*wangxin batch/);
    expect(existsSync(join(tmp.dir, 'township.review.yaml'))).toBe(false);
  });

  it('the CLI without a terminal exits 2 too (stdin a pipe)', async () => {
    const r = await runInProcess(['review', answers, '--reviewer', '赵强', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/review is interactive and needs a terminal/);
  });

  it.each([
    ['fail,partial', ['fail', 'partial']],
    [' veto , evidence-missing,veto', ['veto', 'evidence-missing']],
  ])('--only %j is %j', (value, expected) => {
    expect(parseOnly(value)).toEqual(expected);
  });

  it.each(['', 'fails', 'fail,,x', 'pass'])('--only %j is a usage error', (value) => {
    expect(() => parseOnly(value)).toThrow(UsageError);
  });

  it('a new review without --reviewer is a usage error (exit 2) and creates no file', async () => {
    const r = await review({}, []);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--reviewer');
    expect(existsSync(join(tmp.dir, 'township.review.yaml'))).toBe(false);
  });

  it('an invalid answer file is exit 1 with its located errors, nothing written', async () => {
    writeFileSync(answers, readFileSync(answers, 'utf8').replace('A1.1.3: { status: pass }', 'A1.1.3: { status: maybe }'));
    const r = await review({ reviewer: '赵强' }, []);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/township\.yaml:\d+:\d+ .*SCHEMA_ENUM/);
    expect(existsSync(join(tmp.dir, 'township.review.yaml'))).toBe(false);
  });

  it('a review held by a live command is refused (exit 2), its lock left alone', async () => {
    const lock = join(tmp.dir, 'township.review.yaml.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() }));
    const r = await review({ reviewer: '赵强' }, []);
    expect(r.code).toBe(2);
    expect(r.err).toContain(String(process.pid));
    expect(existsSync(lock)).toBe(true);
  });
});

describe('review: the walk', () => {
  it('--only fail walks the failed items; a verdict is saved at once; quit and resume where it stopped; finish', async () => {
    const first = await review({ reviewer: '赵强', only: 'fail' }, [
      { select: '@confirm' },
      { select: '@adjust' },
      { select: 'pass' },
      // A blank reason is refused at the prompt, then given.
      { input: '  ' },
      { input: '见市委网信办推广通报' },
      { select: '@quit' },
    ]);
    expect(first.code).toBe(0);
    expect(walked(first.prompter.screens)).toEqual(['A3.2.5', 'A4.1.7', 'A4.4.3']);
    expect(first.prompter.asked.find((q) => q.message.startsWith('调整理由'))!.errors).toEqual(['请写明调整理由']);
    // The unit's answer, note and evidence are on the screen.
    expect(first.prompter.screens[0]).toContain('单位自评：不符合');
    expect(first.prompter.screens[0]).toContain('情况说明：年内无舆论引导经验被上级推广');
    expect(first.out).toContain('已保存（已复核 2/3 项）');
    expect(first.out).toContain('继续复核：wangxin review township.yaml --only fail');
    const saved = readReview();
    expect(saved.reviewer).toBe('赵强');
    expect(saved.date).toBe('2026-12-01');
    expect(saved.reviewed).toEqual({ file: 'township.yaml', sha256: sha256Hex(readFileSync(answers)) });
    expect(saved.items).toEqual({ 'A3.2.5': { verdict: 'confirmed' }, 'A4.1.7': { verdict: 'adjusted', status: 'pass', reason: '见市委网信办推广通报' } });
    expect(readFileSync(join(tmp.dir, 'township.review.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=.*review\.schema\.json\n/);
    expect(existsSync(join(tmp.dir, 'township.review.yaml.lock'))).toBe(false);

    const second = await review({ only: 'fail' }, [{ select: '@adjust' }, { select: 'fail' }, { input: '核实无误' }, { select: '@finish' }]);
    expect(second.code).toBe(0);
    // Resumed at the first item without a verdict; A4.4.3's "adjust" to the unit's own answer is a confirmation.
    expect(walked(second.prompter.screens)).toEqual(['A4.4.3']);
    expect(second.prompter.screens[0]).toContain('继续复核：已复核 2/3 项，从 A4.4.3 开始。');
    expect(second.prompter.screens[1]).toContain('A4.4.3 的核查结果与自评相同，已记为“确认”。');
    expect(readReview().items['A4.4.3']).toEqual({ verdict: 'confirmed' });
    // The finish line: both scores, from the same scorer as `score`.
    expect(second.out).toMatch(/复核完成：确认 2 项，调整 1 项。自评分 85\.5 分（良好），核查分 \d+\.\d 分/);
    expect(second.out).toContain('查看核查报告：wangxin score township.yaml');
    const checked = await checkFile(join(tmp.dir, 'township.review.yaml'));
    expect(checked.kind).toBe('review');
    expect([...checked.errors, ...checked.warnings]).toEqual([]);
    // A bonus item won on review raises the verified score above the self-assessed one.
    const scored = await runInProcess(['score', answers, '--format', 'json'], {}, tmp.dir);
    expect(scored.code).toBe(0);
    const report = JSON.parse(scored.stdout);
    expect(report.review.adjusted.map((a: { id: string }) => a.id)).toEqual(['A4.1.7']);
    expect(report.score).toBeGreaterThan(report.review.selfScore);
  });

  it('adjusts a ratio item with the value given; --only evidence-missing skips an item whose evidence is there; Ctrl-C keeps the verdicts (exit 130)', async () => {
    writeFileSync(join(tmp.dir, '2026-03-中心组学习记录.pdf'), 'pdf');
    const r = await review({ reviewer: '赵强', only: 'partial,evidence-missing', out: 'office/复核.yaml' }, [
      // A1.1.2: its evidence file is not in the folder.
      { select: '@confirm' },
      { select: '@skip' },
      { select: '@skip' },
      { select: '@skip' },
      // A1.3.2, a ratio item: 0.9 → 3/4.
      { select: '@adjust' },
      { select: '@enter' },
      { input: '3/4' },
      { input: '抽查3项未能网上办理' },
      { interrupt: true },
    ]);
    expect(r.code).toBe(130);
    const ids = walked(r.prompter.screens);
    expect(ids[0]).toBe('A1.1.2');
    expect(ids).not.toContain('A1.1.1');
    expect(r.prompter.screens[0]).toMatch(/✘ 2026-04-党委会议纪要\.pdf 佐证材料缺失/);
    expect(r.out).toContain('已中断，复核已保存');
    expect(r.out).toContain('--out office/复核.yaml');
    const saved = readReview('office/复核.yaml');
    expect(saved.reviewed.file).toBe('../township.yaml');
    expect(saved.items['A1.3.2']).toEqual({ verdict: 'adjusted', value: 0.75, reason: '抽查3项未能网上办理' });
    expect(existsSync(join(tmp.dir, 'office/复核.yaml.lock'))).toBe(false);
  });

  it('marks evidence as batch --verify-evidence judges it: outside the folder or changed since recorded is ✘, and --only evidence-missing walks it', async () => {
    writeFileSync(join(tmp.dir, '2026-03-中心组学习记录.pdf'), 'pdf');
    writeFileSync(join(tmp.dir, '..', 'outside-secret.txt'), 'not the unit\'s');
    // A1.1.1 names a file outside the unit's folder, which exists.
    writeFileSync(answers, readFileSync(answers, 'utf8').replace(/(\n  A1\.1\.1: \{[^\n]*?)evidence: \[[^\]]*\]/, '$1evidence: [../outside-secret.txt]'));
    const r = await review({ reviewer: '赵强', only: 'evidence-missing' }, [{ select: '@quit' }]);
    expect(walked(r.prompter.screens)[0]).toBe('A1.1.1');
    expect(r.prompter.screens[0]).toContain('✘ ../outside-secret.txt 佐证材料不在提交文件夹内');
    rmSync(join(tmp.dir, '..', 'outside-secret.txt'));
  });

  it('adjusts a deduct item to nothing deducted, and a veto item only to pass or fail', async () => {
    const skips: ScriptStep[] = Array.from({ length: 6 }, () => ({ select: '@skip' }));
    const r = await review({ reviewer: '赵强', only: 'partial,veto' }, [
      { select: '@adjust' },
      // A1.1.3, a veto item: pass and fail only.
      { select: 'fail' },
      { input: '发现自查材料与实际不符' },
      ...skips,
      // A3.1.8, a deduct item.
      { select: '@adjust' },
      { select: '@none' },
      { input: '超期答复已说明，不扣分' },
      { select: '@quit' },
    ]);
    expect(r.code).toBe(0);
    const veto = r.prompter.asked.find((q) => q.message === '核查结果')!;
    expect(veto.values).toEqual(['pass', 'fail']);
    expect(walked(r.prompter.screens)).toEqual(['A1.1.3', 'A1.2.2', 'A1.3.2', 'A2.2.1', 'A2.2.2', 'A2.3.2', 'A3.1.7', 'A3.1.8', 'A3.2.3']);
    const saved = readReview();
    expect(saved.items['A1.1.3']).toEqual({ verdict: 'adjusted', status: 'fail', reason: '发现自查材料与实际不符' });
    expect(saved.items['A3.1.8']).toEqual({ verdict: 'adjusted', deductions: {}, reason: '超期答复已说明，不扣分' });
    // The veto now fails the unit in the verified report.
    const scored = await runInProcess(['score', answers, '--format', 'json'], {}, tmp.dir);
    expect(JSON.parse(scored.stdout).vetoed).toBe(true);
    expect(JSON.parse(scored.stdout).review.selfVetoed).toBe(false);
  });

  it('an answer file changed since the review: every item asked again, the old digest kept until the review is finished', async () => {
    await review({ reviewer: '赵强', only: 'veto' }, [{ select: '@confirm' }, { select: '@confirm' }, { select: '@confirm' }, { select: '@finish' }]);
    const before = readReview().reviewed.sha256;
    writeFileSync(answers, readFileSync(answers, 'utf8').replace('A3.3.5: { status: pass }', 'A3.3.5: { status: pass, note: 已核实 }'));
    const again = await review({ only: 'veto' }, [{ select: '@confirm' }, { select: '@quit' }]);
    expect(again.code).toBe(0);
    expect(walked(again.prompter.screens)).toEqual(['A1.1.3', 'A3.3.4']);
    expect(again.prompter.screens[0]).toContain('答卷在上次复核之后已被修改');
    expect(readReview().reviewed.sha256).toBe(before);
    const scored = await runInProcess(['score', answers], {}, tmp.dir);
    expect(scored.stderr).toContain('REVIEW_ANSWERS_CHANGED');
    expect(scored.stdout).toContain('答卷在复核之后已被修改');
    // Finishing at the first item asks first: none of the three has been looked at since the change.
    const hasty = await review({ only: 'veto' }, [{ select: '@finish' }, { confirm: false }, { select: '@quit' }]);
    expect(hasty.prompter.asked.some((q) => /还有 3 项未重新看过/.test(String(q.message)))).toBe(true);
    expect(readReview().reviewed.sha256).toBe(before);
    const finished = await review({ only: 'veto' }, [{ select: '@confirm' }, { select: '@confirm' }, { select: '@confirm' }, { select: '@finish' }]);
    expect(finished.code).toBe(0);
    expect(readReview().reviewed.sha256).toBe(sha256Hex(readFileSync(answers)));
  });

  it('a review changed on disk by someone else meanwhile is not overwritten (exit 2)', async () => {
    await review({ reviewer: '赵强', only: 'fail' }, [{ select: '@quit' }]);
    const file = join(tmp.dir, 'township.review.yaml');
    const c = capture();
    let edited = '';
    const prompter = createScriptedPrompter([{ select: '@confirm' }]);
    const select = prompter.select.bind(prompter);
    prompter.select = async (q) => {
      // Someone edits the file while the reviewer decides.
      edited = readFileSync(file, 'utf8') + '# 手工备注\n';
      writeFileSync(file, edited);
      return select(q);
    };
    const code = await runReview('township.yaml', { only: 'fail' }, c.ctx, { prompter });
    expect(code).toBe(2);
    expect(c.err()).toContain('在复核过程中被其他程序修改');
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });
});
