// End to end: `wangxin review` in a real terminal (tmux): confirm, adjust with a reason, Ctrl-C, resume as printed, finish, and `score` then reports the verified score.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/check/check-file.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import type { Review } from '../../src/model/review.js';
import { makeTempDir } from '../walk/helpers.js';
import { BIN, HAS_TMUX, ROOT, tmuxDriver } from '../helpers/tmux.js';

if (!HAS_TMUX) console.warn('review-tmux.test.ts skipped: tmux is not on PATH (install tmux to run the terminal test)');

const { waitFor, waitForFile, start, stop, keys, type, removeSocket } = tmuxDriver('review-test');

/** Waits for the verdict select of an item's review screen. */
const atItem = (id: string): Promise<string> => waitFor(new RegExp(`^${id.replace(/\./g, '\\.')} {2}\\[[\\s\\S]*^\\? 复核结论`, 'm'));
const prompt = (label: string): Promise<string> => waitFor(new RegExp(`^\\? ${label}`, 'm'));

describe.skipIf(!HAS_TMUX)('wangxin review in a real terminal (tmux)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  const env = 'env NO_COLOR=1 LANG=zh_CN.UTF-8';

  beforeAll(() => {
    stop();
    tmp = makeTempDir('wangxin-review-tmux-');
    copyFileSync(join(ROOT, 'examples/loop/2026/township.yaml'), join(tmp.dir, 'township.yaml'));
  });
  afterEach(() => stop());
  afterAll(() => {
    tmp.remove();
    removeSocket();
  });

  it('confirms, adjusts with a reason, is interrupted with Ctrl-C (130), resumes as printed, finishes (0); score shows the verified score', async () => {
    const reviewFile = join(tmp.dir, 'township.review.yaml');
    await start(`${env} node ${BIN} review township.yaml --reviewer 赵强 --only fail; echo EXIT=$? > ${join(tmp.dir, 'exit1')}`, tmp.dir);
    const first = await atItem('A3.2.5');
    expect(first).toContain('第 1/3 项');
    expect(first).toContain('单位自评：不符合');
    expect(first).toContain('情况说明：年内无舆论引导经验被上级推广');
    keys('Enter'); // confirm
    await atItem('A4.1.7');
    keys('Down', 'Enter'); // adjust
    await prompt('核查结果');
    keys('Enter'); // 符合, the first status that is not the unit's
    await prompt('调整理由');
    keys('Enter'); // a blank reason is refused at the prompt
    await waitFor('请写明调整理由');
    type('见市委网信办推广通报');
    keys('Enter');
    const third = await atItem('A4.4.3');
    expect(third).toContain('已复核 2/3');
    keys('C-c');
    expect(await waitForFile(join(tmp.dir, 'exit1'))).toBe('EXIT=130\n');
    const stopped = await waitFor('继续复核：');
    expect(stopped).toContain('已中断，复核已保存（已复核 2/3 项）：township.review.yaml');
    const saved = parseYaml(readFileSync(reviewFile, 'utf8'), reviewFile).value as Review;
    expect(saved.items).toEqual({ 'A3.2.5': { verdict: 'confirmed' }, 'A4.1.7': { verdict: 'adjusted', status: 'pass', reason: '见市委网信办推广通报' } });
    expect(existsSync(`${reviewFile}.lock`)).toBe(false);

    // The printed command (`npx wangxin …` when the tests run under npx) goes on at the item without a verdict.
    const resume = /继续复核：(?:npx )?wangxin (review .*?)\s*$/m.exec(stopped)![1];
    expect(resume).toBe('review township.yaml --only fail');
    stop();
    await start(`${env} node ${BIN} ${resume}; echo EXIT=$? > ${join(tmp.dir, 'exit2')}`, tmp.dir);
    const again = await atItem('A4.4.3');
    expect(again).toContain('继续复核：已复核 2/3 项，从 A4.4.3 开始。');
    keys('Enter'); // confirm
    await prompt('下一步');
    keys('Enter'); // finish
    const done = await waitFor('复核完成');
    expect(await waitForFile(join(tmp.dir, 'exit2'))).toBe('EXIT=0\n');
    expect(done).toMatch(/复核完成：确认 2 项，调整 1 项。自评分 85\.5 分（良好），核查分 \d+\.\d 分/);
    const checked = await checkFile(reviewFile);
    expect([...checked.errors, ...checked.warnings]).toEqual([]);

    const score = spawnSync(process.execPath, [BIN, 'score', 'township.yaml', '--format', 'json'], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
    expect(score.status).toBe(0);
    const report = JSON.parse(score.stdout);
    expect(report.review.adjusted.map((a: { id: string }) => a.id)).toEqual(['A4.1.7']);
    expect(report.review.selfScore).toBe(85.54);
    expect(report.score).toBeGreaterThan(report.review.selfScore);
  });
});
