// The report as bytes for batch: byte for byte what JSON.stringify makes of buildReport's report, in every case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/model/answers.js';
import { buildReport } from '../../src/report/json-report.js';
import { reportBytes } from '../../src/report/report-bytes.js';
import { escapeJsonText } from '../../src/util/safe-text.js';
import { scoreAnswers } from '../../src/score/score.js';
import { getValidator } from '../../src/validate/ajv-factory.js';
import { scoredArb } from '../score/arbitraries.js';
import { join } from 'node:path';
import { checkFile } from '../../src/check/check-file.js';
import { EXAMPLES, FIXED_TIME, ROOT, examplePath, loadAnswers } from './load.js';

const options = { generatedAt: FIXED_TIME, toolVersion: '9.9.9' };

/** What `score --format json` writes, as bytes. */
function expected(list: Parameters<typeof buildReport>[1], given: Answers, lang: 'zh' | 'en', asOf?: string): Buffer {
  return Buffer.from(escapeJsonText(JSON.stringify(buildReport(scoreAnswers(list, given), list, given, { ...options, lang, asOf }))));
}

describe('reportBytes', () => {
  it('writes exactly the bytes of JSON.stringify(buildReport(…)) for random checklists and answers', () => {
    fc.assert(
      fc.property(
        scoredArb,
        fc.constantFrom('zh' as const, 'en' as const),
        fc.string({ unit: 'binary', maxLength: 12 }),
        fc.constantFrom('open' as const, 'in-progress' as const, 'done' as const),
        fc.constantFrom(undefined, '2026-01-01', '2026-07-12'),
        ({ checklist: list, answers: given }, lang, text, status, asOf) => {
        // Any text the unit may write, in a note, the evidence, the unit and the assessor.
        const first = Object.keys(given.answers)[0];
        const odd: Answers = {
          ...given,
          unit: { ...given.unit, name: text || '单位' },
          assessor: { name: text },
          period: text,
          answers: first ? { ...given.answers, [first]: { ...given.answers[first], note: text, evidence: [text, { path: text, sha256: 'a'.repeat(64) }] } } : given.answers,
        };
        // The same with a rectification task on every answer (the bytes do not judge whether it is allowed).
        const planned: Answers = {
          ...odd,
          answers: Object.fromEntries(
            Object.entries(odd.answers).map(([id, a], n) => [
              id,
              { ...a, rectify: { measures: text || '措施', owner: text || '王芳', due: n % 2 ? '2026-06-30' : '2025-12-31', status, ...(status === 'done' ? { doneOn: '2026-06-01', evidence: [text || 'a.pdf'] } : {}) } },
            ]),
          ),
        };
        for (const a of [given, odd, planned]) {
          const bytes = reportBytes(scoreAnswers(list, a), list, a, { ...options, lang, asOf });
          expect(Buffer.from(bytes).equals(expected(list, a, lang, asOf))).toBe(true);
        }
      }),
      { numRuns: 1500, seed: 20180420 },
    );
  });

  it.each([...EXAMPLES.map(examplePath), 'test/fixtures/score/evil-notes.yaml', 'test/fixtures/score/vetoed.yaml'])('writes exactly those bytes for %s, a valid report', async (file) => {
    const { checklist: list, answers: given } = await loadAnswers(file);
    const validate = getValidator('report');
    for (const lang of ['zh', 'en'] as const) {
      const bytes = reportBytes(scoreAnswers(list, given), list, given, { ...options, lang });
      expect(Buffer.from(bytes).toString('utf8')).toBe(expected(list, given, lang).toString('utf8'));
      expect(validate(JSON.parse(Buffer.from(bytes).toString('utf8')))).toBe(true);
    }
  });

  it('writes exactly those bytes for a custom checklist that extends the built-in one', async () => {
    const check = await checkFile(join(ROOT, 'examples/custom/answers-township.yaml'), { ref: join(ROOT, 'examples/custom/xx-county-2026.yaml') }, 'answers');
    expect(check.errors).toEqual([]);
    const [list, given] = [check.checklist!, check.answers!];
    for (const lang of ['zh', 'en'] as const) {
      expect(Buffer.from(reportBytes(scoreAnswers(list, given), list, given, { ...options, lang })).equals(expected(list, given, lang))).toBe(true);
    }
  });

  it('keeps each report as written while the thread writes the next ones, past the end of a slab', async () => {
    const { checklist: list, answers: given } = await loadAnswers(examplePath('township'));
    const write = (lang: 'zh' | 'en'): Uint8Array => reportBytes(scoreAnswers(list, given), list, given, { ...options, lang });
    const first = write('zh');
    const want = Buffer.from(first).toString('utf8');
    expect(want).toBe(expected(list, given, 'zh').toString('utf8'));
    // Enough reports to fill several slabs: each one stays intact, the first one too.
    const later = Array.from({ length: 120 }, (_, i) => write(i % 2 ? 'zh' : 'en'));
    expect(new Set(later.map((r) => r.buffer)).size).toBeGreaterThan(1);
    expect(Buffer.from(first).toString('utf8')).toBe(want);
    later.forEach((r, i) => expect(Buffer.from(r).equals(expected(list, given, i % 2 ? 'zh' : 'en'))).toBe(true));
  });

  it('writes a report bigger than a slab whole', async () => {
    const { checklist: list, answers: given } = await loadAnswers(examplePath('township'));
    const first = Object.keys(given.answers)[0];
    const long: Answers = { ...given, answers: { ...given.answers, [first]: { ...given.answers[first], note: '长'.repeat(200_000) } } };
    const before = reportBytes(scoreAnswers(list, given), list, given, { ...options, lang: 'zh' });
    const bytes = reportBytes(scoreAnswers(list, long), list, long, { ...options, lang: 'zh' });
    expect(bytes.length).toBeGreaterThan(1 << 18);
    expect(Buffer.from(bytes).equals(expected(list, long, 'zh'))).toBe(true);
    expect(Buffer.from(before).equals(expected(list, given, 'zh'))).toBe(true);
  });
});
