// Differential tests of one file's outcome: the fast path must give the positioned path's verdict and scores exactly.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { processFile, summarize, summarizeResult, type ProcessOptions } from '../../src/batch/process-file.js';
import { type FileOutcome } from '../../src/model/batch.js';
import { generateFiles } from '../../scripts/bench/generate.mjs';
import { builtinFile } from '../../src/checklist/resolve-checklist.js';
import { loadChecklist } from '../../src/checklist/load-checklist.js';
import { buildReport } from '../../src/report/json-report.js';
import { scoreAnswers } from '../../src/score/score.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import type { Answers } from '../../src/model/answers.js';
import { escapeJsonText } from '../../src/util/safe-text.js';
import { roundHalfAway } from '../../src/score/round.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'answers');
const CHECKLIST = join(ROOT, 'checklists', 'county-cyber-2018.yaml');
const dir = mkdtempSync(join(tmpdir(), 'wangxin-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: ProcessOptions = { lang: 'zh', generatedAt: '2026-01-01T00:00:00.000Z', keepReport: true };

/** The parts of an outcome that must not depend on the path taken. */
function verdict(o: FileOutcome): unknown {
  return {
    status: o.status,
    summary: o.summary,
    report: o.report,
    errorCount: o.status === 'valid' ? 0 : 'some',
    warnings: o.warnings.map((w) => w.code),
  };
}

async function bothPaths(file: string, options: ProcessOptions = base): Promise<{ fast: FileOutcome; slow: FileOutcome }> {
  const target = { file, path: file };
  return { fast: await processFile(target, options), slow: await processFile(target, { ...options, fastParse: false }) };
}

describe('processFile', () => {
  it('scores the example files through the fast path, identically to the positioned path', async () => {
    for (const name of readdirSync(EXAMPLES)) {
      const { fast, slow } = await bothPaths(join(EXAMPLES, name));
      expect(fast.fast).toBe(true);
      expect(slow.fast).toBe(false);
      expect(fast.status).toBe('valid');
      expect(verdict(fast)).toEqual(verdict(slow));
    }
  });

  it('gives the same verdict on generated files, valid and invalid in every way the generator knows', async () => {
    const files = generateFiles(join(dir, 'gen'), 300, { checklistFile: CHECKLIST, seed: 99, invalidShare: 0.4 });
    let fastCount = 0;
    for (const { file, kind } of files) {
      const { fast, slow } = await bothPaths(file, { ...base, keepReport: false });
      expect(verdict(fast), `${file} (${kind})`).toEqual(verdict(slow));
      if (kind !== 'valid') expect(fast.status, `${file} (${kind})`).not.toBe('valid');
      if (fast.fast) fastCount++;
      // Invalid files are always reported from the positioned path, with line:col.
      if (fast.status === 'invalid') {
        expect(fast.fast).toBe(false);
        expect(fast.errors[0].line).toBeGreaterThan(0);
      }
    }
    expect(fastCount).toBeGreaterThan(100);
  });

  it('gives the same verdict on mutated answer files (property)', async () => {
    const text = readFileSync(join(EXAMPLES, 'township.yaml'), 'utf8');
    const lines = text.split('\n');
    const replacement = fc.constantFrom(
      '{ status: pass }', '{ status: yes }', '{ status: na }', '{ status: na, note: 不涉及 }', '{ value: 1.5 }', '{ value: 0.5 }',
      '{ value: .5 }', '{ value: 1_0 }', '{ deductions: {} }', '{ deductions: { d1: 1.5 } }', '{ deductions: { d9: 1 } }', '{ status: pass, note: ~ }',
      '{ status: "pass" }', "{ status: 'fail' }", '{ status: pass, evidence: [a.pdf, { path: b.pdf, sha256: "00" }] }', '{ status: pass, x: 1 }',
      '{ status: pass', 'pass', '~', '{ status: pass, note: "多行\n    说明" }', '{ status: partial, note: 第 #3 号 }',
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: lines.length - 1 }), replacement, async (at, value) => {
        const copy = [...lines];
        const m = /^(\s+[A-Z][\d.]+: )/.exec(copy[at]);
        if (m) copy[at] = m[1] + value;
        else copy.splice(at, 0, `  A1.1.1: ${value}`);
        const file = join(dir, `mutated-${at}.yaml`);
        writeFileSync(file, copy.join('\n'));
        const { fast, slow } = await bothPaths(file, { ...base, keepReport: false });
        expect(verdict(fast)).toEqual(verdict(slow));
      }),
      { numRuns: 120, seed: 42 },
    );
  });

  it('reports a GBK file as unreadable with its position, and a missing file as not found', async () => {
    const gbk = join(dir, 'gbk.yaml');
    writeFileSync(gbk, Buffer.concat([Buffer.from('schemaVersion: 1\nunit: { name: '), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from(', type: township }\n')]));
    const out = await processFile({ file: 'shown/gbk.yaml', path: gbk }, base);
    expect(out.status).toBe('unreadable');
    expect(out.errors[0]).toMatchObject({ code: 'ENCODING_NOT_UTF8', file: 'shown/gbk.yaml', line: 2 });
    const missing = await processFile({ file: 'gone.yaml', path: join(dir, 'gone.yaml') }, base);
    expect(missing.status).toBe('unreadable');
    expect(missing.errors[0]).toMatchObject({ code: 'FILE_NOT_FOUND', file: 'gone.yaml' });
  });

  it('gives each valid generated file the report score --format json writes (JSON.stringify of buildReport)', async () => {
    const checklist = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
    const files = generateFiles(join(dir, 'reports'), 150, { checklistFile: CHECKLIST, seed: 7, invalidShare: 0 });
    let compared = 0;
    for (const { file } of files) {
      const out = await processFile({ file, path: file }, { ...base, lang: compared % 2 ? 'en' : 'zh' });
      if (out.status !== 'valid') continue;
      const answers = parseYaml(readFileSync(file, 'utf8'), file).value as Answers;
      const lang = compared % 2 ? 'en' : 'zh';
      expect(Buffer.from(out.report!).toString('utf8')).toBe(escapeJsonText(JSON.stringify(buildReport(scoreAnswers(checklist, answers), checklist, answers, { lang, generatedAt: base.generatedAt }))));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('builds the same unit summary from the score as from the full report', async () => {
    const checklist = (await loadChecklist(builtinFile('county-cyber-2018')!)).checklist!;
    for (const name of readdirSync(EXAMPLES)) {
      const answers = parseYaml(readFileSync(join(EXAMPLES, name), 'utf8'), name).value as Answers;
      const result = scoreAnswers(checklist, answers);
      for (const lang of ['zh', 'en'] as const) {
        // The score shown to one decimal is known only from the exact score, not from a report's rounded one.
        const { shownScore, ...rest } = summarizeResult(result, checklist, lang);
        expect(shownScore).toBe(roundHalfAway(result.score, 1));
        expect(rest).toEqual(summarize(buildReport(result, checklist, answers, { lang })));
      }
    }
  });
});

describe('processFile reading', () => {
  it('reads byte-order marks, NUL bytes and UTF-16 as readText does', async () => {
    const { readText } = await import('../../src/load/read-text.js');
    const text = readFileSync(join(EXAMPLES, 'township.yaml'));
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const cases: [string, Buffer][] = [
      ['bom', Buffer.concat([bom, text])],
      ['two-boms', Buffer.concat([bom, bom, text])],
      ['nul', Buffer.concat([text, Buffer.from([0])])],
      ['utf16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.toString('utf8'), 'utf16le')])],
    ];
    for (const [name, bytes] of cases) {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, bytes);
      const out = await processFile({ file, path: file }, { ...base, keepReport: false });
      const read = await readText(file);
      expect(out.status === 'unreadable', name).toBe(!read.ok);
      if (!read.ok) expect(out.errors[0].code, name).toBe(read.diagnostic.code);
      else expect(out.status === 'valid', name).toBe(fastAndSlowAgree(read.text));
    }
  });
});

describe('reading files into one buffer', () => {
  it('reads a file bigger than the buffer whole, then a shorter one without the first one\'s tail, and refuses one over the limit', async () => {
    const text = readFileSync(join(EXAMPLES, 'township.yaml'), 'utf8');
    // Over 64 KiB: a note long enough to make the buffer grow, still a valid file.
    const long = text.replace(/^(period: .*)$/m, `$1\n# ${'很长的注释'.repeat(6000)}`);
    expect(Buffer.byteLength(long)).toBeGreaterThan(1 << 16);
    const files = [['long.yaml', long], ['short.yaml', text]] as const;
    for (const [name, content] of files) writeFileSync(join(dir, name), content);
    for (const [name] of files) {
      const out = await processFile({ file: name, path: join(dir, name) }, { ...base, keepReport: false });
      expect(out.status, name).toBe('valid');
      expect(out.summary?.unit.name, name).toBe('某某镇党委');
    }
    const { MAX_FILE_BYTES } = await import('../../src/load/read-text.js');
    writeFileSync(join(dir, 'huge.yaml'), Buffer.alloc(MAX_FILE_BYTES + 10, 0x61));
    const huge = await processFile({ file: 'huge.yaml', path: join(dir, 'huge.yaml') }, { ...base, keepReport: false });
    expect(huge.errors.map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
    const folder = await processFile({ file: 'd', path: dir }, { ...base, keepReport: false });
    expect(folder.status).toBe('unreadable');
  });
});

/** A file read as text is valid exactly when its text parses clean without a leading BOM character. */
function fastAndSlowAgree(text: string): boolean {
  return parseYaml(text, 'x').diagnostics.length === 0;
}
