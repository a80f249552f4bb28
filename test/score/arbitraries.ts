// fast-check generators of random (but valid) checklists and answer files, for the property tests.
import fc from 'fast-check';
import type { Answer, Answers } from '../../src/model/answers.js';
import type { Area, Checklist, Item } from '../../src/model/checklist.js';
import { kindOf, listItems } from '../../src/model/checklist.js';

/** Points as checklists write them: halves from 0.5 to 10. */
const points = fc.integer({ min: 1, max: 20 }).map((n) => n / 2);

const itemArb = (id: string): fc.Arbitrary<Item> =>
  fc
    .record({
      kind: fc.constantFrom('status', 'status', 'ratio', 'deduct'),
      points,
      bonus: fc.boolean(),
      veto: fc.boolean(),
      applies: fc.constantFrom<string[] | undefined>(undefined, undefined, ['t'], ['u'], ['t', 'u']),
      rules: fc.array(fc.integer({ min: 1, max: 6 }).map((n) => n / 2), { minLength: 1, maxLength: 3 }),
    })
    .map(({ kind, points: p, bonus, veto, applies, rules }) => {
      const out: Item = { id, text: id, points: p, kind: kind as Item['kind'] };
      if (applies) out.appliesTo = applies;
      if (kind === 'deduct') out.deductions = rules.map((rp, i) => ({ id: `d${i}`, text: `d${i}`, points: rp }));
      if (kind === 'status' && veto && !bonus) out.veto = true;
      else if (bonus && !veto) out.bonus = true;
      return out;
    });

/** A random checklist: 1–4 areas of 1–6 items; bonus items only where the weight is not given. */
export const checklistArb: fc.Arbitrary<Checklist> = fc
  .record({
    areas: fc.array(
      fc.record({ size: fc.integer({ min: 1, max: 6 }), weight: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }) }),
      { minLength: 1, maxLength: 4 },
    ),
    partialCredit: fc.constantFrom(0.5, 0.25, 0.6, 1, 0),
    bonus: fc.option(fc.record({ cap: fc.integer({ min: 0, max: 15 }), minBase: fc.integer({ min: 0, max: 100 }) }), { nil: undefined }),
  })
  .chain(({ areas, partialCredit, bonus }) =>
    fc
      .tuple(...areas.map((a, n) => fc.tuple(...Array.from({ length: a.size }, (_, i) => itemArb(`A${n}.${i}`)))))
      .map((itemLists) => {
        const built: Area[] = itemLists.map((items, n) => {
          const weight = areas[n].weight;
          // Bonus items are not allowed in an area whose weight is given (docs/formats.md §2).
          const fixed = weight === undefined ? items : items.map((it) => ({ ...it, bonus: undefined }));
          return { id: `A${n}`, title: `A${n}`, items: fixed, ...(weight !== undefined ? { weight } : {}) };
        });
        const list: Checklist = {
          schemaVersion: 1,
          id: 'prop-list',
          version: '1.0.0',
          title: 'prop',
          unitTypes: [
            { id: 't', label: 'T' },
            { id: 'u', label: 'U' },
          ],
          scoring: { partialCredit, ...(bonus ? { bonus } : {}) },
          areas: built,
        };
        return list;
      }),
  );

/** A random valid answer for an item (or undefined: unanswered). */
export function answerArb(item: Item): fc.Arbitrary<Answer | undefined> {
  const na = fc.constant<Answer>({ status: 'na', note: 'n/a' });
  switch (kindOf(item)) {
    case 'ratio':
      return fc.oneof(fc.constant(undefined), na, fc.double({ min: 0, max: 1, noNaN: true }).map((value) => ({ value })));
    case 'deduct':
      return fc.oneof(
        fc.constant(undefined),
        na,
        fc
          .array(fc.integer({ min: 0, max: 5 }), { minLength: item.deductions!.length, maxLength: item.deductions!.length })
          .map((counts) => ({ deductions: Object.fromEntries(counts.map((c, i) => [`d${i}`, c])) })),
      );
    default:
      return fc.oneof(fc.constant(undefined), na, fc.constantFrom<Answer>({ status: 'pass' }, { status: 'partial' }, { status: 'fail' }));
  }
}

/** A random checklist with a random answer file of a `t` or `u` unit. */
export const scoredArb: fc.Arbitrary<{ checklist: Checklist; answers: Answers }> = checklistArb.chain((checklist) => {
  const items = listItems(checklist).map((p) => p.item);
  return fc.tuple(fc.constantFrom('t', 'u'), fc.tuple(...items.map(answerArb))).map(([type, given]) => {
    const map: Record<string, Answer> = {};
    items.forEach((it, i) => {
      if (given[i] !== undefined) map[it.id] = given[i]!;
    });
    const answers: Answers = { schemaVersion: 1, checklist: { id: 'prop-list', version: '1.0.0' }, unit: { name: '单位', type }, answers: map };
    return { checklist, answers };
  });
});

/** The answer that fully meets an item. */
export function fullAnswer(item: Item): Answer {
  const kind = kindOf(item);
  return kind === 'ratio' ? { value: 1 } : kind === 'deduct' ? { deductions: {} } : { status: 'pass' };
}
