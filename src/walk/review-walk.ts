// The office's review walk: one screen per answered item with the unit's answer, note and evidence; confirm it or set the verified answer with a reason.
import type { EvidenceFinding, EvidenceProblem } from '../model/evidence.js';
import { evidencePath, STATUSES, type Answer, type Answers, type Status } from '../model/answers.js';
import { applyingItems, kindOf, type Area, type Checklist, type PlacedItem } from '../model/checklist.js';
import { sameAsAnswer, type Review, type ReviewEntry, type ReviewFilter } from '../model/review.js';
import { mentionsVeto, pickText } from '../model/text.js';
import { isBlankText } from '../model/identity.js';
import type { Lang } from '../i18n/lang.js';
import { translate } from '../i18n/translate.js';
import { NO_PAINT, type Paint } from '../diagnostics/render.js';
import { makeVisible } from '../util/safe-text.js';
import { scoreItem, partialCreditOf } from '../score/score.js';
import type { Prompter, SelectChoice } from './prompter.js';
import { askDeductions, askRatio, describeAnswer, isAnswered, progressBar } from './walk.js';

/** What the review walk needs. `review.items` is updated in place and saved after every verdict. */
export interface ReviewWalkOptions {
  prompter: Prompter;
  checklist: Checklist;
  /** The unit's answers, as read (never changed). */
  answers: Answers;
  review: Review;
  lang: Lang;
  /** Persists the review; called after every verdict with the item just reviewed. May return notices for the next screen. */
  save(review: Review, reviewed: string): Promise<string[] | void>;
  paint?: Paint;
  /** `--only`: walk only the items matching one of these (all answered items without). */
  only?: readonly ReviewFilter[];
  /**
   * What is wrong with the unit's own evidence, by item and path (missing, outside its folder,
   * changed since recorded, …), as `batch --verify-evidence` finds it; a path not in it is fine.
   */
  evidenceProblems?: EvidenceProblems;
  /** Start at the first item (every item asked again: the answers changed since the review), not the first without a verdict. */
  fromStart?: boolean;
  /** Lines shown at the top of the first screen. */
  notices?: string[];
}

/** How the walk ended: `finished` (the reviewer says the review is done) or `quit` (saved, to go on later). */
export interface ReviewWalkResult {
  outcome: 'finished' | 'quit';
  /** Items walked with a verdict, and items walked. */
  reviewed: number;
  total: number;
}

/** The problems of the unit's own evidence, by item id and path. */
export type EvidenceProblems = ReadonlyMap<string, ReadonlyMap<string, EvidenceProblem>>;

/** The problems `verifyEvidence` found, as the walk looks them up (a rectification task's evidence is not shown in it). */
export function indexEvidenceProblems(findings: readonly EvidenceFinding[]): EvidenceProblems {
  const index = new Map<string, Map<string, EvidenceProblem>>();
  for (const f of findings) {
    if (f.task) continue;
    let paths = index.get(f.item);
    if (!paths) index.set(f.item, (paths = new Map()));
    paths.set(f.path, f.problem);
  }
  return index;
}

/**
 * The items the review walks: the applying items the unit answered, in checklist order, narrowed
 * by `only` to those that match one of its filters — `fail` and `partial` by the scored outcome
 * (a ratio below 1 or a deduction is partial, nothing earned is fail), `veto` the veto items,
 * `evidence-missing` those with no evidence given or a piece of evidence with a problem (not
 * there, outside the unit's folder, changed since its digest was recorded, …).
 */
export function reviewItems(checklist: Checklist, answers: Answers, only: readonly ReviewFilter[] = [], problems?: EvidenceProblems): PlacedItem[] {
  const credit = partialCreditOf(checklist);
  return applyingItems(checklist, answers.unit.type).filter(({ item }) => {
    const answer = answers.answers[item.id];
    if (!isAnswered(item, answer)) return false;
    if (only.length === 0) return true;
    const outcome = scoreItem(item, answer, credit).status;
    const evidence = answer!.evidence ?? [];
    return only.some((filter) => {
      switch (filter) {
        case 'fail':
        case 'partial':
          return outcome === filter;
        case 'veto':
          return item.veto === true;
        case 'evidence-missing':
          return evidence.length === 0 || evidence.some((e) => problems?.get(item.id)?.has(evidencePath(e)) === true);
      }
    });
  });
}

type Nav = '@back' | '@skip' | '@finish' | '@quit';
type Choice = '@confirm' | '@adjust' | Nav;

/** Runs the review walk until the reviewer finishes or saves and quits; rejects with PromptInterrupted on Ctrl-C. */
export async function reviewWalk(options: ReviewWalkOptions): Promise<ReviewWalkResult> {
  const { prompter, checklist, answers, review, lang } = options;
  const paint = options.paint ?? NO_PAINT;
  const items = reviewItems(checklist, answers, options.only, options.evidenceProblems);
  const parts = checklist.areas.filter((a) => items.some((p) => p.area === a));
  const done = (): number => items.filter((p) => review.items[p.item.id] !== undefined).length;
  const result = (outcome: ReviewWalkResult['outcome']): ReviewWalkResult => ({ outcome, reviewed: done(), total: items.length });
  let notices = [...(options.notices ?? [])];
  const show = (text: string): void => {
    prompter.screen(notices.length > 0 ? `${notices.join('\n')}\n\n${text}` : text);
    notices = [];
  };
  // The items looked at in this walk: after the answers changed, an earlier verdict is not looked at until its item is shown again.
  const seen = new Set<string>();
  let index = options.fromStart ? 0 : items.findIndex((p) => review.items[p.item.id] === undefined);
  if (index === -1) index = items.length;
  if (!options.fromStart && done() > 0 && index < items.length) notices.push(paint.green(translate(lang, 'review.walk.resume', { done: done(), total: items.length, id: items[index].item.id })));

  for (;;) {
    if (index >= items.length) {
      show(items.length === 0 ? paint.yellow(translate(lang, 'review.walk.none')) : paint.green(translate(lang, 'review.walk.end', { done: done(), total: items.length })));
      const choices: SelectChoice<Nav>[] = [
        { value: '@finish', name: translate(lang, 'review.walk.nav.finish') },
        ...(items.length > 0 ? [{ value: '@back' as const, name: translate(lang, 'walk.nav.back') }] : []),
        { value: '@quit', name: translate(lang, 'walk.nav.quit') },
      ];
      const choice = await prompter.select<Nav>({ message: translate(lang, 'review.walk.end.message'), choices, default: '@finish' });
      if (choice === '@finish') return result('finished');
      if (choice === '@quit') return result('quit');
      index = items.length - 1;
      continue;
    }
    const placed = items[index];
    show(renderReviewScreen(placed, index, items, parts, options, paint));
    const step = await askItem(placed, index);
    if (step === 'reviewed' || step === '@skip') seen.add(placed.item.id);
    if (step === 'reviewed') {
      const more = await options.save(review, placed.item.id);
      if (more) notices.push(...more);
      index++;
    } else if (step === '@back') index = Math.max(0, index - 1);
    else if (step === '@skip') index++;
    else if (step === '@finish') {
      // After a change of the answers, an item not looked at again counts as open though it has a verdict.
      const open = options.fromStart ? items.filter((p) => !seen.has(p.item.id)).length : items.length - done();
      const message = translate(lang, options.fromStart ? 'review.walk.finish.confirmStale' : 'review.walk.finish.confirm', { count: open });
      if (open === 0 || (await prompter.confirm({ message, default: false }))) return result('finished');
    } else return result('quit');
  }

  /** Asks one item until it has a verdict or the reviewer moves on. */
  async function askItem(placed: PlacedItem, at: number): Promise<'reviewed' | Nav> {
    const { item } = placed;
    const own = answers.answers[item.id];
    const previous = review.items[item.id];
    const choices: SelectChoice<Choice>[] = [
      { value: '@confirm', name: translate(lang, 'review.walk.confirm') },
      { value: '@adjust', name: translate(lang, 'review.walk.adjust') },
      { separator: translate(lang, 'walk.nav.separator') },
      ...(at > 0 ? [{ value: '@back' as const, name: translate(lang, 'walk.nav.back') }] : []),
      { value: '@skip', name: translate(lang, previous ? 'review.walk.nav.skipKeep' : 'review.walk.nav.skip') },
      { value: '@finish', name: translate(lang, 'review.walk.nav.finish') },
      { value: '@quit', name: translate(lang, 'walk.nav.quit') },
    ];
    const choice = await prompter.select<Choice>({ message: translate(lang, 'review.walk.message'), choices, default: previous?.verdict === 'adjusted' ? '@adjust' : '@confirm', pageSize: choices.length });
    if (choice === '@confirm') {
      review.items[item.id] = { verdict: 'confirmed' };
      return 'reviewed';
    }
    if (choice !== '@adjust') return choice;
    const entry = await askVerified(placed, own!, previous);
    // The unit's own answer again is a confirmation, recorded as one.
    if (sameAsAnswer(entry, own)) {
      review.items[item.id] = { verdict: 'confirmed' };
      notices.push(paint.yellow(translate(lang, 'review.walk.sameAsAnswer', { id: item.id })));
    } else review.items[item.id] = entry;
    return 'reviewed';
  }

  /** Asks the verified answer of an item (as its kind asks) and the reason for it. */
  async function askVerified(placed: PlacedItem, own: Answer, previous: ReviewEntry | undefined): Promise<ReviewEntry> {
    const { item } = placed;
    const kind = kindOf(item);
    const old = previous?.verdict === 'adjusted' ? previous : undefined;
    const entry: ReviewEntry = { verdict: 'adjusted' };
    if (kind === 'status') {
      const offered = item.veto ? STATUSES.filter((s) => s === 'pass' || s === 'fail') : STATUSES;
      entry.status = await prompter.select<Status>({
        message: translate(lang, 'review.walk.verified.status'),
        choices: offered.map((s) => ({ value: s, name: translate(lang, `status.${s}`) })),
        default: old?.status ?? offered.find((s) => s !== own.status),
      });
    } else {
      const which = await prompter.select<'@enter' | '@none' | 'na'>({
        message: translate(lang, 'review.walk.verified.status'),
        choices: [
          { value: '@enter', name: translate(lang, kind === 'ratio' ? 'walk.ratio.enter' : 'walk.deduct.enter') },
          ...(kind === 'deduct' ? [{ value: '@none' as const, name: translate(lang, 'walk.deduct.none') }] : []),
          { value: 'na', name: translate(lang, 'status.na') },
        ],
        default: old?.status === 'na' ? 'na' : '@enter',
      });
      if (which === 'na') entry.status = 'na';
      else if (kind === 'ratio') entry.value = await askRatio(prompter, lang, String(old?.value ?? own.value ?? ''));
      else entry.deductions = which === '@enter' ? await askDeductions(prompter, lang, item, (rule) => old?.deductions?.[rule] ?? own.deductions?.[rule] ?? 0) : {};
    }
    const reason = await prompter.input({
      message: translate(lang, 'review.walk.reason'),
      default: old?.reason,
      validate: (v) => (isBlankText(v) ? translate(lang, 'review.walk.reason.required') : true),
    });
    entry.reason = reason.trim();
    return entry;
  }
}

/** The text of one item's review screen: where we are, the item, how to check it, and what the unit answered and gave as evidence. */
export function renderReviewScreen(
  placed: PlacedItem,
  index: number,
  items: readonly PlacedItem[],
  parts: readonly Area[],
  options: Pick<ReviewWalkOptions, 'checklist' | 'answers' | 'review' | 'lang' | 'evidenceProblems'>,
  paint: Paint = NO_PAINT,
): string {
  const { checklist, answers, review, lang } = options;
  const { item, area, section } = placed;
  const done = items.filter((p) => review.items[p.item.id] !== undefined).length;
  const unitLabel = checklist.unitTypes.find((u) => u.id === answers.unit.type)?.label;
  const unit = translate(lang, 'walk.unitLine', { unit: makeVisible(answers.unit.name), type: makeVisible(pickText(unitLabel, lang) || answers.unit.type) });
  const lines: string[] = [];
  lines.push(paint.dim(`${translate(lang, 'review.walk.title')} · ${makeVisible(pickText(checklist.title, lang))} · ${unit}`));
  lines.push(
    paint.bold(translate(lang, 'walk.where', { part: parts.indexOf(area) + 1, parts: parts.length, item: index + 1, items: items.length })) +
      '   ' +
      paint.cyan(progressBar(done, items.length)) +
      ' ' +
      translate(lang, 'review.walk.reviewedOf', { done, total: items.length }),
  );
  lines.push('─'.repeat(60));
  lines.push(paint.bold(makeVisible(pickText(area.title, lang))) + (section ? ` › ${makeVisible(pickText(section.title, lang))}` : ''));
  const tags = [translate(lang, 'walk.points', { points: item.points })];
  if (item.veto && !mentionsVeto(pickText(item.text, lang))) tags.push(paint.red(translate(lang, 'walk.tag.veto')));
  if (item.bonus) tags.push(paint.green(translate(lang, 'walk.tag.bonus')));
  if (kindOf(item) !== 'status') tags.push(translate(lang, `walk.tag.${kindOf(item)}`));
  lines.push('', `${paint.bold(item.id)}  ${tags.map((t) => `[${t}]`).join(' ')}`, makeVisible(pickText(item.text, lang)));
  if (item.guidance) lines.push('', `${paint.bold(translate(lang, 'walk.guidance'))}${makeVisible(pickText(item.guidance, lang))}`);
  if (item.evidence && item.evidence.length > 0) lines.push(`${paint.bold(translate(lang, 'walk.evidence'))}${item.evidence.map((e) => makeVisible(pickText(e, lang))).join(translate(lang, 'walk.listSep'))}`);
  const own = answers.answers[item.id]!;
  lines.push('', paint.bold(translate(lang, 'review.walk.own', { answer: describeAnswer(item, { ...own, note: undefined }, lang) })));
  if (own.note) lines.push(translate(lang, 'review.walk.note', { note: makeVisible(own.note) }));
  const evidence = own.evidence ?? [];
  if (evidence.length === 0) lines.push(paint.yellow(translate(lang, 'review.walk.noEvidence')));
  else {
    lines.push(translate(lang, 'review.walk.given'));
    for (const e of evidence) {
      const path = evidencePath(e);
      const problem = options.evidenceProblems?.get(item.id)?.get(path);
      lines.push(`  ${problem ? paint.red('✘') : paint.green('✔')} ${makeVisible(path)}${problem ? paint.red(` ${translate(lang, `verify.${problem}`)}`) : ''}`);
    }
  }
  if (own.rectify) lines.push(translate(lang, 'review.walk.rectify', { measures: makeVisible(own.rectify.measures), owner: makeVisible(own.rectify.owner), due: own.rectify.due }));
  const previous = review.items[item.id];
  if (previous) {
    const said = previous.verdict === 'confirmed' ? translate(lang, 'review.walk.previous.confirmed') : translate(lang, 'review.walk.previous.adjusted', { answer: describeAnswer(item, previous, lang), reason: makeVisible(previous.reason ?? '') });
    lines.push('', paint.green(said));
  }
  lines.push('');
  return lines.join('\n');
}
