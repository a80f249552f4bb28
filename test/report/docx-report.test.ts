// `score --format docx` and `run --report X.docx` as a unit uses them: run the CLI, unzip the document, read its texts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBinary, runInProcess } from '../helpers/run-cli.js';
import { runRun, type RunOptions } from '../../src/cli/run.js';
import { captureContext } from '../helpers/command-context.js';
import { createScriptedPrompter, type ScriptStep } from '../../src/walk/scripted-prompter.js';

const JSZip = createRequire(import.meta.url)('jszip') as typeof import('jszip');
const TOWNSHIP = join(ROOT, 'examples', 'answers', 'township.yaml');
const EPOCH = { SOURCE_DATE_EPOCH: '1767225600' };
const dir = mkdtempSync(join(tmpdir(), 'wangxin-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The parts of a .docx that hold text: the body and the footer(s). */
async function documentXml(file: string): Promise<{ body: string; footers: string; zip: import('jszip') }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const body = await zip.file('word/document.xml')!.async('string');
  const footers = (await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async('string')))).join('\n');
  return { body, footers, zip };
}

/** The text of every w:t element, unescaped, joined. */
function texts(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('');
}

describe('score --format docx', () => {
  it('writes a Word 自查报告: title, unit and assessor, score and grade, areas, items, 整改清单 with guidance, method, signatures, A4 with page numbers', async () => {
    const out = join(dir, '自查报告.docx');
    const r = await runInProcess(['score', TOWNSHIP, '--out', out], EPOCH);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`报告已写入 ${out}`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const { body, footers, zip } = await documentXml(out);
    const text = texts(body);
    for (const expected of ['网信工作自查报告', '某某镇党委', '李明', '党委宣传委员', '0871-6100001', '85.5', '良好', '各项得分', '逐项结果', '整改清单', '计分方法', '检查方法', '单位负责人（签字）', '单位（盖章）']) {
      expect(text).toContain(expected);
    }
    // An item with its status and note, and a failing one in the rectification list.
    expect(text).toContain('A1.2.2');
    expect(text).toContain('已形成问题清单5条，整改措施未明确责任人和时限');
    expect(text).toContain('年内无舆论引导经验被上级推广');
    expect(text).toMatch(/基础分 = 100 × Σ\(权重 × 得分率\) ÷ Σ权重 = 100 × \(8\.5 × /);
    // A4 portrait, page numbers as fields in the footer.
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"(?: w:orient="portrait")?\/>/);
    expect(footers).toContain('PAGE');
    expect(footers).toContain('NUMPAGES');
    expect(texts(footers)).toContain('第');
    // 宋体 for the title, 仿宋 for the text.
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).toContain('w:eastAsia="宋体"');
  });

  it('shows each task in the 整改清单 as the Markdown report does: measures, owner, due date, status, the day done, ⏰ overdue as of --as-of in red', async () => {
    const plans = join(ROOT, 'test', 'fixtures', 'rectify', 'township-plans.yaml');
    const out = join(dir, 'tasks.docx');
    const r = await runInProcess(['score', plans, '--out', out, '--as-of', '2026-08-01'], EPOCH);
    expect(r.code, r.stderr).toBe(0);
    const { body } = await documentXml(out);
    const text = texts(body);
    // The counts above the list, as in Markdown.
    const md = (await runInProcess(['score', plans, '--as-of', '2026-08-01'])).stdout;
    const summary = md.split('\n').find((line) => line.startsWith('整改任务'))!;
    expect(summary).toMatch(/截至 2026-08-01，逾期 1 项/);
    expect(text).toContain(summary);
    expect(text).toContain('整改措施：修订问题清单，逐条明确责任人和时限（责任人：王芳；期限：2026-06-30；整改中） ⏰ 已逾期 32 天');
    expect(text).toContain('整改措施：每月原创稿件不少于2篇（责任人：宣传办；期限：2026-09-30；未开始）');
    expect(text).toContain('整改措施：舆情报送纳入值班制度（责任人：李明；期限：2026-05-31；已完成；完成于 2026-05-20）整改佐证：值班制度.pdf');
    // An item that falls short without a task says so, when the file has tasks.
    expect(text).toContain('A3.3.2');
    expect(text).toMatch(/尚无整改计划单位说明：预案已修订，未演练/);
    // The overdue mark is its own run: bold and red.
    const run = /<w:r>(?:(?!<\/w:r>).)*?<w:t xml:space="preserve"> ⏰ 已逾期 32 天<\/w:t><\/w:r>/s.exec(body)?.[0] ?? '';
    expect(run).toContain('<w:b/>');
    expect(run).toContain('<w:color w:val="C00000"/>');
    // Another day, another mark: none is overdue on the day before the first due date.
    const early = join(dir, 'tasks-early.docx');
    expect((await runInProcess(['score', plans, '--out', early, '--as-of', '2026-05-01'])).code).toBe(0);
    expect(texts((await documentXml(early)).body)).not.toContain('⏰');
    // In English.
    const en = join(dir, 'tasks-en.docx');
    expect((await runInProcess(['score', plans, '--out', en, '--as-of', '2026-08-01', '--lang', 'en'])).code).toBe(0);
    expect(texts((await documentXml(en)).body)).toContain('Measures: 修订问题清单，逐条明确责任人和时限(owner: 王芳; due 2026-06-30; in progress) ⏰ 32 day(s) overdue');
  });

  it('escapes hostile notes: Word XML and formulas stay text, control characters are removed', async () => {
    const hostile = join(dir, 'hostile.yaml');
    const note = `</w:t></w:r><w:r><w:t>injected =cmd|' /C calc'!A0 & "q"`;
    writeFileSync(
      hostile,
      readFileSync(TOWNSHIP, 'utf8')
        .replace('name: 某某镇党委', 'name: "<w:p>某镇\\x07"')
        .replace('note: 已形成问题清单5条，整改措施未明确责任人和时限', `note: "${note.replace(/"/g, '\\"')}\\x0b\\x1b"`),
    );
    const out = join(dir, 'hostile.docx');
    const r = runBinary(['score', hostile, '--format', 'docx', '--out', out, '--lang', 'en'], EPOCH);
    expect(r.stderr).toContain('report written to');
    expect(r.code).toBe(0);
    const { body } = await documentXml(out);
    expect(body).not.toContain('<w:t>injected');
    expect(body).not.toContain('<w:p>某镇');
    expect(body).not.toMatch(/[\u0007\u000b\u001b]/);
    const text = texts(body);
    expect(text).toContain(note);
    expect(text).toContain('<w:p>某镇');
    expect(text).toContain('Cyber work self-check report');
    expect(text).toContain('Rectification list');
  });

  it('refuses standard output and no --out (exit 2), writing nothing', async () => {
    for (const args of [['--format', 'docx'], ['--format', 'docx', '--out', '-']]) {
      const r = await runInProcess(['score', TOWNSHIP, ...args, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('docx is a binary format: give --out FILE');
    }
  });

  it('writes no document for an invalid answer file (exit 1)', async () => {
    const out = join(dir, 'invalid.docx');
    const r = await runInProcess(['score', join(ROOT, 'test', 'fixtures', 'batch', 'mixed', 'invalid.yaml'), '--out', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('run --report X.docx', () => {
  /** `run` in a temp folder with a scripted prompter, as test/cli/run.test.ts drives it. */
  async function run(options: RunOptions, steps: ScriptStep[]): Promise<{ code: number; out: string; err: string; cwd: string }> {
    const cwd = mkdtempSync(join(dir, 'run-'));
    const c = captureContext(cwd, 'zh');
    const code = await runRun(options, c.ctx, { prompter: createScriptedPrompter(steps), generatedAt: '2026-06-01T00:00:00Z' });
    return { code, out: c.out(), err: c.err(), cwd };
  }

  it('ends the walk with the Word report', async () => {
    const steps: ScriptStep[] = [{ input: '张三' }, { input: '' }, { input: '0871-6100001' }, { input: '2026年度' }];
    steps.push({ select: 'fail' }, { input: '未组织专题学习' }, { input: '' }, { confirm: false }, { select: '@finish' }, { confirm: true });
    const r = await run({ unit: '某某镇党委', unitType: 'township', answers: 'a.yaml', report: '报告/自查报告.docx' }, steps);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = texts((await documentXml(join(r.cwd, '报告', '自查报告.docx'))).body);
    expect(text).toContain('某某镇党委');
    expect(text).toContain('张三');
    expect(text).toContain('2026年度');
    expect(text).toContain('未组织专题学习');
    expect(text).toContain('整改清单');
  });

  it('refuses --report - for docx before asking anything (exit 2)', async () => {
    const r = await run({ unit: '某某镇党委', unitType: 'township', answers: 'a.yaml', report: '-', format: 'docx' }, []);
    expect(r.code).toBe(2);
    expect(r.err).toContain('docx 是二进制格式，须用 --report 文件');
    expect(existsSync(join(r.cwd, 'a.yaml'))).toBe(false);
  });
});
