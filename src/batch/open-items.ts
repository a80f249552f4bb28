// A unit's open items (fail, partial, unanswered) in compact form, for the summary workbook's open-items sheet.
import type { Checklist } from '../model/checklist.js';
import { listItems } from '../model/checklist.js';
import type { ScoreResult } from '../model/score-result.js';
import { pickText, type Text } from '../model/text.js';
import type { Lang } from '../i18n/lang.js';
import { roundHalfAway } from '../score/round.js';
import type { OpenItem } from '../model/batch.js';

/** Item texts by id, per checklist: made once per thread, not once per unit. */
const TEXTS = new WeakMap<Checklist, Map<string, Text>>();

/**
 * The open items of a scored unit, in checklist order; `result` must have been scored with its
 * items. A bonus item not won is no shortfall (nothing is lost by it), so it is not one.
 */
export function listOpenItems(result: ScoreResult, checklist: Checklist, lang: Lang): OpenItem[] {
  const open = result.items.filter((i) => !i.bonus && (i.status === 'fail' || i.status === 'partial' || i.status === 'unanswered'));
  if (open.length === 0) return [];
  let texts = TEXTS.get(checklist);
  if (!texts) TEXTS.set(checklist, (texts = new Map(listItems(checklist).map((p) => [p.item.id, p.item.text]))));
  return open.map((i) => ({
    id: i.id,
    area: i.area,
    status: i.status as OpenItem['status'],
    text: pickText(texts.get(i.id), lang),
    lost: roundHalfAway(i.max - i.earned, 2),
    ...(i.note !== undefined ? { note: i.note } : {}),
  }));
}
