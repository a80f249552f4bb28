// The verdicts derived from one file's outcome: why it fails, its weakest area, an unreadable entry as an outcome.
import { describe, expect, it } from 'vitest';
import { findingOutcome, judgeFile, weakestArea, type FileOutcome, type UnitSummary } from '../../src/model/batch.js';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { unit as namedUnit } from '../helpers/unit-summary.js';

const unit = (score: number, extra: Partial<UnitSummary> = {}): UnitSummary => namedUnit('u', score, extra);

function outcome(summary: UnitSummary, extra: Partial<FileOutcome> = {}): FileOutcome {
  return { file: 'a.yaml', status: 'valid', fast: true, summary, errors: [], errorCount: 0, warnings: [], warningCount: 0, ...extra };
}

describe('judgeFile', () => {
  it('passes a complete, unvetoed unit at or above the threshold', () => {
    expect(judgeFile(outcome(unit(80)), { failUnder: 80, allowIncomplete: false })).toEqual([]);
  });

  it('gives every reason a unit fails, in a fixed order', () => {
    const o = outcome(unit(50, { vetoed: true, complete: false }), { evidence: [{ item: 'A1.1.1', path: 'x.pdf', problem: 'missing' }] });
    expect(judgeFile(o, { failUnder: 60, allowIncomplete: false })).toEqual(['vetoed', 'belowThreshold', 'incomplete', 'evidence']);
    expect(judgeFile(o, { allowIncomplete: true })).toEqual(['vetoed', 'evidence']);
  });

  it('fails unreadable and invalid files, and never a file that is not an answer file', () => {
    expect(judgeFile(findingOutcome(createDiagnostic('FILE_UNREADABLE', 'x/loop', { reason: 'ELOOP' })), { allowIncomplete: false })).toEqual(['unreadable']);
    expect(judgeFile({ ...outcome(unit(0)), status: 'invalid', summary: undefined }, { allowIncomplete: false })).toEqual(['invalid']);
    expect(judgeFile({ ...outcome(unit(0)), status: 'other', summary: undefined }, { failUnder: 90, allowIncomplete: false })).toEqual([]);
  });
});

describe('weakestArea', () => {
  it('finds the weakest area of a unit', () => {
    expect(weakestArea(unit(50))).toBe('A2');
    expect(weakestArea(unit(95))).toBe('A1');
    expect(weakestArea(unit(0, { areaIds: ['A1'], areaScores: [null] }))).toBeUndefined();
    expect(weakestArea(unit(0, { areaIds: ['A1', 'A2', 'A3'], areaScores: [null, 40, 40] }))).toBe('A2'); // the first of equals
  });
});

describe('findingOutcome', () => {
  it('turns a discovery problem into an unreadable outcome that keeps the diagnostic', () => {
    const d = createDiagnostic('FILE_UNREADABLE', 'x/loop', { reason: 'ELOOP' });
    expect(findingOutcome(d)).toEqual({ file: 'x/loop', status: 'unreadable', fast: false, errors: [d], errorCount: 1, warnings: [], warningCount: 0 });
  });
});
