// County-wide findings: the item tally (a unit counted once whichever copy comes first) and the per-area findings.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AreaFinding, BatchSummary, FileVerdict, UnitSummary } from '../../src/model/batch.js';
import { areaFindings, ItemTally, WEAKEST_UNITS } from '../../src/batch/findings.js';
import { roundHalfAway } from '../../src/score/round.js';

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

/** The per-area findings by their definition: every scored unit listed, sorted (stably) whole, the first ones kept. */
function areaFindingsByDefinition(summary: Pick<BatchSummary, 'areas' | 'ranking' | 'files'>): AreaFinding[] {
  return summary.areas.map((area) => {
    const scored = summary.ranking.flatMap((r) => {
      const f = summary.files[r.index];
      const s = f.summary!;
      const at = s.areaIds.indexOf(area.id);
      const score = at === -1 ? null : s.areaScores[at];
      return score === null ? [] : [{ name: s.unit.name, typeLabel: s.unit.typeLabel || s.unit.type, score, file: f.file }];
    });
    if (scored.length === 0) return { id: area.id, title: area.title, units: 0, average: null, min: null, max: null, weakest: [] };
    let total = 0;
    for (const x of scored) total += x.score;
    return {
      id: area.id,
      title: area.title,
      units: scored.length,
      average: roundHalfAway(total / scored.length, 2),
      min: Math.min(...scored.map((x) => x.score)),
      max: Math.max(...scored.map((x) => x.score)),
      weakest: [...scored].sort((a, b) => a.score - b.score).slice(0, WEAKEST_UNITS),
    };
  });
}

describe('areaFindings', () => {
  it('gives what listing every unit and sorting them whole gives: averages, spread, the weakest in ranking order among equals', () => {
    const areaIds = ['A1', 'A2', 'A3'];
    // Few distinct scores, so that ties among the weakest are common; null where an area does not apply.
    const score = fc.option(fc.constantFrom(0, 12.5, 40, 40.25, 66.67, 80, 100), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score, fc.boolean()), { maxLength: 40 }), (rows) => {
        const files = rows.map(([a, b, c, typed], i) => {
          const summary = { ...unit(`单位${i}`, []), areaIds, areaScores: [a, b, c] };
          if (!typed) summary.unit = { ...summary.unit, typeLabel: '' };
          return { file: `f${i}.yaml`, summary } as unknown as FileVerdict;
        });
        // The ranking in some order other than the files'.
        const ranking = files.map((_, index) => ({ rank: 1, typeRank: 1, index })).reverse();
        const summary = { areas: areaIds.map((id) => ({ id, title: id })), ranking, files };
        expect(areaFindings(summary)).toEqual(areaFindingsByDefinition(summary));
      }),
      { numRuns: 300 },
    );
  });
});
