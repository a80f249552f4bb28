// The county-wide item tally: counters updated per outcome, a unit counted once whichever copy comes first.
import { describe, expect, it } from 'vitest';
import type { UnitSummary } from '../../src/model/batch.js';
import { ItemTally } from '../../src/batch/findings.js';

/** A unit of checklist c@1 with the given packed shortfalls (position × 4 + outcome, hundredths lost). */
function unit(name: string, shortfalls: number[], date?: string): UnitSummary {
  return {
    checklist: { id: 'c', version: '1' },
    unit: { name, type: 'township', typeLabel: '乡镇' },
    score: 0,
    baseScore: 0,
    bonusScore: 0,
    grade: { index: 0, label: 'x', min: 0 },
    vetoed: false,
    vetoItems: [],
    complete: true,
    unanswered: [],
    areaIds: [],
    areaScores: [],
    shortfalls: Uint32Array.from(shortfalls),
    ...(date !== undefined ? { date } : {}),
  };
}

describe('ItemTally', () => {
  it('adds each unit as it comes and takes back a copy a later one supersedes', () => {
    const tally = new ItemTally();
    // Item 0 failed (4 points lost) and item 1 partial (1.5) by 甲; 乙 leaves item 1 unanswered (3).
    tally.offer(unit('甲', [0 * 4 + 0, 400, 1 * 4 + 1, 150]));
    tally.offer(unit('乙', [1 * 4 + 2, 300]));
    expect(tally.countOf('c@1', 0)).toEqual({ failed: 1, partial: 0, unanswered: 0, lost: 4 });
    expect(tally.countOf('c@1', 1)).toEqual({ failed: 0, partial: 1, unanswered: 1, lost: 4.5 });
    // 甲 again, no date: the later copy counts, the first one's shortfalls are taken back.
    tally.offer(unit('甲', [1 * 4 + 0, 300]));
    expect(tally.countOf('c@1', 0)).toEqual({ failed: 0, partial: 0, unanswered: 0, lost: 0 });
    expect(tally.countOf('c@1', 1)).toEqual({ failed: 1, partial: 0, unanswered: 1, lost: 6 });
    // 乙 with an earlier date than... none: a dated copy is newer than an undated one.
    tally.offer(unit('乙', [], '2026-05-01'));
    expect(tally.countOf('c@1', 1)).toEqual({ failed: 1, partial: 0, unanswered: 0, lost: 3 });
    // An older dated copy later in path order is superseded on arrival: nothing changes.
    tally.offer(unit('乙', [0 * 4 + 0, 400], '2026-01-01'));
    expect(tally.countOf('c@1', 0)).toEqual({ failed: 0, partial: 0, unanswered: 0, lost: 0 });
    // Another checklist version is counted apart.
    expect(tally.countOf('c@2', 1)).toEqual({ failed: 0, partial: 0, unanswered: 0, lost: 0 });
  });
});
