// Renders a blank answer file: every applying item as a commented-out answer line under its text, valid as written.
import { showControls } from '../util/safe-text.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import type { Answers } from '../model/answers.js';
import { applyingItems, kindOf, type Checklist, type Item } from '../model/checklist.js';
import { pickText, type Text } from '../model/text.js';
import { type Lang } from '../i18n/lang.js';
import { serializeAnswers } from '../walk/answer-file.js';

/** What {@link renderBlankAnswers} needs to know about the unit. */
export interface BlankUnit {
  name: string;
  type: string;
}

/** Text made safe for one YAML comment line: controls shown, line breaks and runs of spaces folded. */
export function commentText(text: string): string {
  return showControls(text).replace(/\s+/g, ' ').trim();
}

/** The answer line of an item as the user is to fill it in (without the leading `# `). */
export function answerTemplate(item: Item): string {
  const kind = kindOf(item);
  if (kind === 'ratio') return `${item.id}: { value: },`;
  if (kind === 'deduct') {
    const counts = (item.deductions ?? []).map((d) => `${d.id}: 0`).join(', ');
    return `${item.id}: { deductions: { ${counts} } },`;
  }
  return `${item.id}: { status: },`;
}

/**
 * The blank answer file of `unit` for `checklist`, in `lang`. The answers are a multi-line flow
 * mapping (`answers: { … }`) whose entries are commented out: as written it is an empty map (a
 * valid file where everything is unanswered), and removing the `# ` of an answer line adds that
 * answer — the trailing comma keeps the mapping valid whichever lines are filled in. A block
 * mapping could not do this: with every entry commented out, `answers:` would be null.
 */
export function renderBlankAnswers(checklist: Checklist, unit: BlankUnit, lang: Lang, file: string, options: { checklistFile?: string; named?: boolean } = {}): { text: string; count: number } {
  const answers: Answers = { schemaVersion: 1, checklist: { id: checklist.id, version: checklist.version }, unit: { ...unit }, answers: {} };
  const serialized = serializeAnswers(answers, { file, checklist });
  const lines = serialized.split('\n');
  const schemaLine = lines[0];
  const body = lines.slice(1).filter((l) => l !== '' && !/^answers:/.test(l));

  const placed = applyingItems(checklist, unit.type);
  const typeLabel = checklist.unitTypes.find((u) => u.id === unit.type)?.label ?? unit.type;
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const pick = (text: Text | undefined): string => commentText(pickText(text, lang));

  const head = [
    t('init.file.title', { unit: commentText(unit.name), type: pick(typeLabel) }),
    t('init.file.checklist', { title: pick(checklist.title), id: checklist.id, version: checklist.version, count: placed.length }),
    // Only while the name is still the placeholder.
    ...(options.named ? [] : [t('init.file.unitName')]),
    '',
    t('init.file.how'),
    t('init.file.status'),
    t('init.file.ratio'),
    t('init.file.deduct'),
    t('init.file.optional'),
    // One example line for the whole file rather than a commented plan under every item: most
    // items pass, and a plan belongs only to those that do not.
    t('init.file.rectify'),
    // A checklist that is not built in is named in every command, or they cannot find it.
    options.checklistFile === undefined ? t('init.file.check') : t('init.file.checkWith', { checklist: commentText(options.checklistFile) }),
  ].map((l) => (l === '' ? '#' : `# ${l}`));

  const out: string[] = [schemaLine, ...head, ...body, 'answers: {'];
  let area = '';
  let section = '';
  for (const { item, area: a, section: s } of placed) {
    if (a.id !== area) {
      // A blank line between areas (not after the opening brace).
      if (area !== '') out.push('');
      area = a.id;
      section = '';
      out.push(`  # ━━ ${a.id} ${pick(a.title)} ━━`);
    }
    if (s && s.id !== section) {
      section = s.id;
      out.push(`  # ── ${s.id} ${pick(s.title)} ──`);
    }
    out.push(...describeItem(item, lang).map((l) => `  # ${l}`));
    out.push(`  # ${answerTemplate(item)}`);
  }
  out.push('}', '');
  return { text: out.join('\n'), count: placed.length };
}

/** The comment lines above an item's answer line: id, points, kind and flags; text; guidance; evidence; deductions. */
function describeItem(item: Item, lang: Lang): string[] {
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const kind = kindOf(item);
  const tags = [t('init.file.points', { points: item.points }), t(`init.file.kind.${kind}`)];
  if (item.veto) tags.push(t('init.file.veto'));
  if (item.bonus) tags.push(t('init.file.bonus'));
  const lines = [`${item.id} · ${tags.join(' · ')}`, `  ${commentText(pickText(item.text, lang))}`];
  if (item.guidance !== undefined) lines.push(`  ${t('init.file.guidance', { text: commentText(pickText(item.guidance, lang)) })}`);
  if (item.evidence && item.evidence.length > 0) {
    const list = item.evidence.map((e) => commentText(pickText(e, lang))).join(t('init.file.separator'));
    lines.push(`  ${t('init.file.evidence', { text: list })}`);
  }
  for (const d of item.deductions ?? []) {
    lines.push(`  ${t('init.file.deduction', { id: d.id, text: commentText(pickText(d.text, lang)), points: d.points })}`);
  }
  return lines;
}
