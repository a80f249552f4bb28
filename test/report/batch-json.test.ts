// The batch JSON and JSON Lines writer: entries written as files come in, reports let go, the layout the schema describes.
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/batch/process-file.js';
import { type FileOutcome } from '../../src/model/batch.js';
import { summarizeBatch } from '../../src/batch/summary.js';
import { type BatchPolicy } from '../../src/model/batch.js';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { createBatchJsonWriter, type BatchJsonFormat } from '../../src/report/batch-json.js';
import { buildReport } from '../../src/report/json-report.js';
import { scoreAnswers } from '../../src/score/score.js';
import { createAjv, getValidator } from '../../src/validate/ajv-factory.js';
import { EXAMPLES, FIXED_TIME, examplePath, loadAnswers } from './load.js';

const POLICY: BatchPolicy = { failUnder: 60, allowIncomplete: false };

/** Valid outcomes of the five examples, each `copies` times, with their reports as the workers send them (text). */
async function validOutcomes(copies: number): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const name of EXAMPLES) {
    const { checklist, answers } = await loadAnswers(examplePath(name));
    const report = buildReport(scoreAnswers(checklist, answers), checklist, answers, { lang: 'en', generatedAt: FIXED_TIME, toolVersion: '0.0.0-test' });
    for (let i = 0; i < copies; i++) {
      out.push({ file: `in/${name}-${String(i).padStart(3, '0')}.yaml`, status: 'valid', fast: true, summary: summarize(report), report: new Uint8Array(Buffer.from(JSON.stringify(report))), errors: [], errorCount: 0, warnings: [], warningCount: 0 });
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

const invalid: FileOutcome = {
  file: 'in/b-invalid.yaml',
  status: 'invalid',
  fast: false,
  errors: [createDiagnostic('UNKNOWN_ITEM', 'in/b-invalid.yaml', { id: 'A9.9.9' }, { line: 3, column: 3, endLine: 3, endColumn: 9 })],
  errorCount: 1,
  warnings: [],
  warningCount: 0,
};
const checklistFile: FileOutcome = {
  file: 'in/checklist.yaml',
  status: 'other',
  fast: false,
  other: { kind: 'checklist', id: 'county-cyber-2018', version: '1.0.0' },
  errors: [],
  errorCount: 0,
  warnings: [],
  warningCount: 0,
};
// Found by discovery, not read: it sorts between the others.
const loop = createDiagnostic('FILE_UNREADABLE', 'in/c-loop', { reason: 'ELOOP' });

/** Runs the writer over the outcomes in path order, recording what was written after each one. */
async function write(format: BatchJsonFormat, copies = 1): Promise<{ text: string; writtenAfter: string[]; outcomes: FileOutcome[] }> {
  const outcomes = [...(await validOutcomes(copies)), invalid, checklistFile].sort((a, b) => (a.file < b.file ? -1 : 1));
  const parts: Buffer[] = [];
  const writtenAfter: string[] = [];
  // The writer reuses its buffer once `write` returns: keep a copy, as a file would.
  const writer = createBatchJsonWriter((part) => parts.push(Buffer.from(part)), { format, lang: 'en', toolVersion: '0.0.0-test', generatedAt: FIXED_TIME, policy: POLICY, findings: [loop] });
  for (const o of outcomes) {
    writer.add(o);
    writtenAfter.push(Buffer.concat(parts).toString('utf8'));
  }
  const summary = summarizeBatch(outcomes, [loop], POLICY, { generatedAt: FIXED_TIME, lang: 'en' });
  writer.finish(summary);
  return { text: Buffer.concat(parts).toString('utf8'), writtenAfter, outcomes };
}

describe('batch JSON writer', () => {
  it('writes a document valid against schemas/batch.schema.json: files in path order first, then the aggregates', async () => {
    const { text } = await write('json');
    const json = JSON.parse(text);
    const validate = getValidator('batch');
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'kind', 'generatedAt', 'tool', 'lang', 'policy', 'files', 'counts', 'ranking', 'areas', 'distribution', 'duplicates', 'otherFiles']);
    expect(json.schemaVersion).toBe(2);
    const files = json.files.map((f: { file: string }) => f.file);
    expect(files).toEqual([...files].sort());
    expect(files).toContain('in/c-loop');
    expect(files).not.toContain('in/checklist.yaml');
    expect(json.otherFiles).toEqual([{ file: 'in/checklist.yaml', kind: 'checklist', id: 'county-cyber-2018', version: '1.0.0' }]);
    expect(json.counts).toMatchObject({ files: 7, valid: 5, invalid: 2, unreadable: 1, other: 1 });
    expect(json.files.filter((f: { report?: unknown }) => f.report)).toHaveLength(5);
    expect(json.ranking).toHaveLength(5);
  });

  it('writes each entry, report included, as files come in, and lets go of the report text', async () => {
    // 40 copies of the five examples: some 2.5 MB of reports.
    const { text, writtenAfter, outcomes } = await write('json', 40);
    expect(outcomes.every((o) => o.report === undefined)).toBe(true);
    const total = text.length;
    // Whatever has been added is written within one part (256 KB) of it, not at the end.
    const bytes = (t: string): number => Buffer.byteLength(t);
    outcomes.forEach((o, i) => {
      if (o.status !== 'valid') return;
      const upTo = bytes(text.slice(0, text.indexOf(`{"file":${JSON.stringify(o.file)}`)));
      expect(bytes(writtenAfter[i]), o.file).toBeGreaterThan(upTo - (1 << 18) - 100);
    });
    expect(writtenAfter[99].length).toBeGreaterThan(total / 3);
    expect(JSON.parse(text).files).toHaveLength(202);
  });

  it('writes JSON Lines: a line per file, each valid against $defs/file, then one summary line', async () => {
    const { text } = await write('jsonl');
    expect(text.endsWith('}\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    const ajv = createAjv();
    const line = ajv.getSchema('https://wangxin.invalid/schemas/batch.schema.json#/$defs/line')!;
    const file = ajv.getSchema('https://wangxin.invalid/schemas/batch.schema.json#/$defs/file')!;
    const summary = ajv.getSchema('https://wangxin.invalid/schemas/batch.schema.json#/$defs/summaryLine')!;
    for (const l of lines) expect(line(l), JSON.stringify(line.errors?.slice(0, 3))).toBe(true);
    expect(lines.slice(0, -1).every((l) => file(l))).toBe(true);
    const last = lines[lines.length - 1];
    expect(summary(last)).toBe(true);
    expect(last).toMatchObject({ schemaVersion: 2, kind: 'batch', counts: { files: 7, other: 1 } });
    expect(last).not.toHaveProperty('files');
    // The same entries as the JSON document's files.
    const json = JSON.parse((await write('json')).text);
    expect(lines.slice(0, -1)).toEqual(json.files);
    const { files: _, ...rest } = json;
    expect(last).toEqual(rest);
  });
});
