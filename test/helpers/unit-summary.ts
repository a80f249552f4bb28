// A valid unit's batch summary for tests: two areas, the second scoring the unit's score; anything can be overridden.
import type { UnitSummary } from '../../src/model/batch.js';

/** A unit named `name` scoring `score` (grade 0 from 60 up, else 1). */
export function unit(name: string, score: number, extra: Partial<UnitSummary> = {}): UnitSummary {
  return {
    checklist: { id: 'c', version: '1.0.0' },
    unit: { name, type: 'township', typeLabel: '乡镇' },
    score,
    baseScore: score,
    bonusScore: 0,
    grade: { index: score >= 60 ? 0 : 1, label: score >= 60 ? '合格' : '不合格', min: 0 },
    vetoed: false,
    vetoItems: [],
    complete: true,
    unanswered: [],
    areaIds: ['A1', 'A2'],
    areaScores: [90, score],
    ...extra,
  };
}
