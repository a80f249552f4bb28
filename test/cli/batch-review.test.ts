// `batch` and `score` with the office's reviews beside the answer files: verified scores ranked, self-assessed beside them, --max-overstatement, stale and broken reviews.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run-cli.js';
import { getValidator } from '../../src/validate/ajv-factory.js';
import { makeTempDir } from '../walk/helpers.js';

const LOOP = 'examples/loop/2026';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('wangxin-batch-review-');
  cpSync(LOOP, join(tmp.dir, '2026'), { recursive: true });
});
afterEach(() => tmp.remove());

interface Ranked {
  unit: { name: string };
  score: number;
  rank: number;
  failed: boolean;
  why: string[];
  review?: { selfScore: number; difference: number; adjusted: number; changed: boolean; reviewer: string };
}

describe('batch with reviews (examples/loop/2026: both units reviewed)', () => {
  it('ranks on the verified scores and gives self-assessed, difference and counts in JSON, valid against the schema; in threads too', async () => {
    for (const jobs of ['1', '2']) {
      const r = await runInProcess(['batch', LOOP, '--format', 'json', '--as-of', '2026-11-15', '--jobs', jobs]);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(getValidator('batch')(doc), JSON.stringify(getValidator('batch').errors)).toBe(true);
      expect(doc.counts).toMatchObject({ files: 2, valid: 2, reviewed: 2, overstated: 0, other: 2 });
      const ranking = doc.ranking as Ranked[];
      expect(ranking.map((u) => [u.unit.name, u.score, u.review?.selfScore, u.review?.difference, u.review?.adjusted])).toEqual([
        ['某某镇党委', 75.69, 85.54, 9.85, 3],
        ['县教育体育局', 58.8, 60.79, 1.99, 2],
      ]);
      expect(doc.otherFiles.map((o: { kind: string; file: string }) => [o.kind, o.file])).toEqual([
        ['review', `${LOOP}/department.review.yaml`],
        ['review', `${LOOP}/township.review.yaml`],
      ]);
      // Each unit's report inside is the verified one, with the adjusted items and their reasons.
      const township = doc.files.find((f: { file: string }) => f.file.endsWith('township.yaml')).report;
      expect(getValidator('report')(township)).toBe(true);
      expect(township.score).toBe(75.69);
      expect(township.review.adjusted.map((a: { id: string; reason: string }) => a.id)).toEqual(['A1.1.2', 'A4.1.4', 'A4.4.2']);
    }
  });

  it('finds the reviews whether the folder or the answer files themselves are named', async () => {
    const ranked = async (args: string[]): Promise<unknown[]> => {
      const r = await runInProcess(['batch', ...args, '--format', 'json', '--as-of', '2026-11-15', '--jobs', '1']);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout).ranking as Ranked[]).map((u) => [u.unit.name, u.score, u.review?.selfScore]);
    };
    const byFolder = await ranked([LOOP]);
    expect(byFolder).toEqual([
      ['某某镇党委', 75.69, 85.54],
      ['县教育体育局', 58.8, 60.79],
    ]);
    expect(await ranked([`${LOOP}/township.yaml`, `${LOOP}/department.yaml`])).toEqual(byFolder);
  });

  it('--max-overstatement N fails a unit whose self-assessment exceeds the verified score by more than N (exit 1), in every output', async () => {
    const r = await runInProcess(['batch', LOOP, '--format', 'json', '--max-overstatement', '5', '--junit', join(tmp.dir, 'j.xml')]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.policy.maxOverstatement).toBe(5);
    expect(doc.counts).toMatchObject({ reviewed: 2, overstated: 1, failed: 1 });
    const township = (doc.ranking as Ranked[])[0];
    expect(township.failed).toBe(true);
    expect(township.why).toEqual(['自评分 85.5 比核查分 75.7 高 9.9 分，超过 --max-overstatement 5']);
    expect(doc.files.find((f: { file: string }) => f.file.endsWith('township.yaml')).reasons).toEqual(['overstated']);
    expect(readFileSync(join(tmp.dir, 'j.xml'), 'utf8')).toContain('超过 --max-overstatement 5');
    // 9.85 points apart: not more than 9.85 (exact at 2 decimals), so it passes.
    expect((await runInProcess(['batch', LOOP, '--max-overstatement', '9.85'])).code).toBe(0);
    expect((await runInProcess(['batch', LOOP, '--max-overstatement', '9.84'])).code).toBe(1);
    for (const bad of ['-1', '1e2', 'x', '101']) {
      const u = await runInProcess(['batch', LOOP, '--max-overstatement', bad]);
      expect(u.code).toBe(2);
      expect(u.stderr).toContain('--max-overstatement 须为 0 到 100 之间的十进制数');
    }
  });

  it('shows 核查分, 自评分 and 自评−核查 in the Markdown and HTML rankings (per type too), and the workbook ranking', async () => {
    const md = (await runInProcess(['batch', LOOP])).stdout;
    expect(md).toContain('| 名次 | 类型内名次 | 单位 | 类型 | 核查分 | 自评分 | 自评−核查 | 等次 |');
    expect(md).toContain('| 1 | 1 | 某某镇党委 | 乡（镇）党委 | 75.7 | 85.5 | +9.9 | 合格 |');
    expect(md).toContain('| 1 | 县教育体育局 | 58.8 | 60.8 | +2.0 | 不合格 | 通过 |');
    expect(md).toContain('已复核 2 个单位');
    // The count of reviewed units is one row of the counts table.
    expect(md.match(/^\| 已复核单位 \| 2 \|$/gm)).toHaveLength(1);
    expect(md).toContain('复核记录（检查表 county-cyber-2018，版本 1.1.0）');
    const html = (await runInProcess(['batch', LOOP, '--format', 'html', '--lang', 'en'])).stdout;
    expect(html).toContain('<th class="num">Verified</th><th class="num">Self-assessed</th><th class="num">Self − verified</th>');
    expect(html).toContain('<td class="num">+9.9</td>');
    const out = join(tmp.dir, 's.xlsx');
    expect((await runInProcess(['batch', LOOP, '--out', out])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('排名')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['名次', '类型内名次', '单位', '类型', '核查分', '自评分', '自评−核查', '等次', '否决', '答完', '结果', '不通过原因', '文件']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([1, 1, '某某镇党委', '乡（镇）党委', 75.69, 85.54, 9.85, '合格', '否', '是', '通过', undefined, `${LOOP}/township.yaml`]);
    expect(sheet.getRow(5).getCell(1).value).toMatch(/^已复核 2 个单位/);
  });

  it('a batch without reviews shows no review columns or counts', async () => {
    const r = await runInProcess(['batch', 'examples/answers', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.counts.reviewed).toBeUndefined();
    expect(doc.ranking.every((u: Ranked) => u.review === undefined)).toBe(true);
    expect((await runInProcess(['batch', 'examples/answers'])).stdout).not.toContain('核查分');
  });

  it('an answer file changed since its review: a located warning, ⚠ in the ranking and its file named; the verified score still applies the review', async () => {
    const file = join(tmp.dir, '2026/township.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('A5.3.1: { status: pass }', 'A5.3.1: { status: pass, note: 补充说明 }'));
    const r = await runInProcess(['batch', '2026'], {}, tmp.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2026\/township\.review\.yaml:4:\d+ +警告 +答卷 2026\/township\.yaml 在复核之后已被修改.*REVIEW_ANSWERS_CHANGED/);
    expect(r.stdout).toContain('| 75.7 | 85.5 | +9.9 ⚠ |');
    expect(r.stdout).toContain('⚠ 答卷在复核之后已被修改（SHA-256 与复核记录不一致），核查分按当前答卷套用复核结论计算，请重新复核：2026/township.yaml');
    const json = JSON.parse((await runInProcess(['batch', '2026', '--format', 'json'], {}, tmp.dir)).stdout);
    expect((json.ranking as Ranked[])[0].review!.changed).toBe(true);
  });

  it('a review with errors makes its unit invalid in the batch (exit 1), with the review’s located errors', async () => {
    const file = join(tmp.dir, '2026/department.review.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('A3.3.2: { verdict: adjusted, status: partial, reason: 演练记录只有方案，没有总结评估和整改 }', 'A3.3.2: { verdict: adjusted, status: partial }'));
    const r = await runInProcess(['batch', '2026', '--format', 'json'], {}, tmp.dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const entry = doc.files.find((f: { file: string }) => f.file === '2026/department.yaml');
    expect(entry.status).toBe('invalid');
    expect(entry.errors[0]).toMatchObject({ file: '2026/department.review.yaml', code: 'REVIEW_REASON_MISSING' });
    expect(doc.counts).toMatchObject({ valid: 1, invalid: 1, reviewed: 1 });
    // The fault is the office's: its instruction is for the office, not one to forward to the unit.
    expect(entry.instruction).toMatch(/^问题在本办对“department\.yaml”的核查记录“department\.review\.yaml”中：第 \d+ 行第 \d+ 列：调整（adjusted）须在 reason 中写明理由。请改正核查记录后用 wangxin validate department\.review\.yaml 检查并重新汇总，无须退回单位。$/);
    expect(entry.instruction).not.toContain('贵单位');
    const en = await runInProcess(['batch', '2026', '--lang', 'en'], {}, tmp.dir);
    expect(en.stdout).toContain('The problem is in the office\'s review "department.review.yaml" of "department.yaml"');
  });

  it('ledger and validate know a review beside the answers: no task of its own, checked against its answer file', async () => {
    const ledger = await runInProcess(['ledger', '2026', '--as-of', '2026-11-15', '--format', 'json'], {}, tmp.dir);
    expect(ledger.code).toBe(0);
    expect(JSON.parse(ledger.stdout).problems).toEqual([]);
    const v = await runInProcess(['validate', '2026/township.review.yaml', '2026/department.review.yaml', '--lang', 'en'], {}, tmp.dir);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('2026/township.review.yaml: valid (review)');
  });
});

describe('score with a review', () => {
  it('finds <answers>.review.yaml beside the answers: verified score and grade, self-assessed beside, adjusted items with reasons; JSON valid', async () => {
    const md = await runInProcess(['score', `${LOOP}/department.yaml`]);
    expect(md.code).toBe(0);
    expect(md.stderr).toContain(`按复核记录 ${LOOP}/department.review.yaml 计算核查分（复核人：赵强（县委网信办），2026-12-01）`);
    expect(md.stdout).toContain('**核查分 58.8 分，等级：不合格**');
    expect(md.stdout).toContain('自评分 60.8 分（合格），核查分 58.8 分（不合格），自评比核查高 2.0 分。');
    expect(md.stdout).toMatch(/\| A3\.3\.2 \| .* \| 符合 2\/2 \| 部分符合 1\/2 \| −1\.0 \| 演练记录只有方案，没有总结评估和整改 \|/);
    const json = JSON.parse((await runInProcess(['score', `${LOOP}/department.yaml`, '--format', 'json'])).stdout);
    expect(getValidator('report')(json)).toBe(true);
    expect(json.review).toMatchObject({ selfScore: 60.79, difference: 1.99, answersChanged: false });
    expect(json.grade.label).toBe('不合格');
    // --fail-under applies to the verified score.
    expect((await runInProcess(['score', `${LOOP}/department.yaml`, '--fail-under', '60'])).code).toBe(1);
    const html = (await runInProcess(['score', `${LOOP}/department.yaml`, '--format', 'html', '--lang', 'en'])).stdout;
    expect(html).toContain('Verified score <strong>58.8</strong>');
    expect(html).toContain('<h2>Review (verification)</h2>');
    const docx = await runInProcess(['score', `${LOOP}/department.yaml`, '--out', join(tmp.dir, 'r.docx')]);
    expect(docx.code).toBe(0);
  });

  it('--review names the review; a missing one is exit 2, an invalid one exit 1 with no report, a review of another unit an error', async () => {
    const answers = join(tmp.dir, '2026/township.yaml');
    const other = join(tmp.dir, '2026/department.review.yaml');
    const wrong = await runInProcess(['score', answers, '--review', other]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('REVIEW_UNIT_MISMATCH');
    expect(wrong.stdout).toBe('');
    const missing = await runInProcess(['score', answers, '--review', join(tmp.dir, 'none.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('FILE_NOT_FOUND');
    // --out may not replace the review it reads.
    const same = await runInProcess(['score', answers, '--out', join(tmp.dir, '2026/township.review.yaml'), '--format', 'md']);
    expect(same.code).toBe(2);
  });
});
