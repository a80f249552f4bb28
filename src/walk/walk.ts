// The self-check walk: one screen per applying item, answers saved after each, with back/skip/jump/review/quit.
import { evidencePath, RECTIFY_STATUSES, STATUSES, type Answer, type Answers, type Rectify, type RectifyStatus, type Status } from '../model/answers.js';
import { isDay } from '../util/dates.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyingItems, kindOf, type Area, type Checklist, type Item, type PlacedItem } from '../model/checklist.js';
import { mentionsVeto, pickText } from '../model/text.js';
import { type Lang } from '../i18n/lang.js';
import { isBlankText } from '../model/identity.js';
import { NO_PAINT, type Paint } from '../diagnostics/render.js';
import { makeVisible } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import { formatEvidence, parseCount, parseEvidence, parseRatio } from './parse-input.js';
import { PromptEscaped, PromptInterrupted, type Prompter, type SelectChoice } from './prompter.js';

/** What the walk needs. `answers` is updated in place and saved after every answer. */
export interface WalkOptions {
  prompter: Prompter;
  checklist: Checklist;
  answers: Answers;
  lang: Lang;
  /**
   * Persists the answers; called after every answer with the item just answered (and awaited
   * before the next question). May return notices for the next screen (the file was reloaded).
   */
  save(answers: Answers, answered?: string): Promise<string[] | void>;
  paint?: Paint;
  /** Start at this item id instead of the first unanswered one. */
  startAt?: string;
  /** Lines shown at the top of the first screen (a new screen clears what was printed before). */
  notices?: string[];
  /** The answer file's folder, which evidence paths are relative to: a path not found there is warned about. */
  evidenceBase?: string;
}

/** How the walk ended: `finished` asks for the score and report; `quit` saves and leaves. */
export interface WalkResult {
  outcome: 'finished' | 'quit';
  answered: number;
  total: number;
}

/** Whether an item has a complete answer (the file never holds half answers, but be strict). */
export function isAnswered(item: Item, answer: Answer | undefined): boolean {
  if (!answer) return false;
  if (answer.status === 'na') return true;
  const kind = kindOf(item);
  if (kind === 'ratio') return typeof answer.value === 'number';
  if (kind === 'deduct') return answer.deductions !== undefined;
  return answer.status !== undefined;
}

/** Index of the first unanswered applying item, or `items.length` when all are answered. */
export function firstUnanswered(items: readonly PlacedItem[], answers: Answers): number {
  const i = items.findIndex((p) => !isAnswered(p.item, answers.answers[p.item.id]));
  return i === -1 ? items.length : i;
}

/** A text progress bar `████░░░░` of `width` cells. */
export function progressBar(done: number, total: number, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

type Nav = '@back' | '@skip' | '@jump' | '@unanswered' | '@finish' | '@quit';
type ItemChoice = Status | '@enter' | '@none' | Nav;
/** `picked`: the item was chosen from the unanswered list, so answering it goes on to the next unanswered one. */
type Step = { kind: 'answered' } | { kind: 'goto'; index: number; picked?: boolean } | { kind: 'finish' } | { kind: 'quit' };

/** Runs the walk until the officer finishes or saves and quits; rejects with PromptInterrupted on Ctrl-C. */
export async function walk(options: WalkOptions): Promise<WalkResult> {
  const { prompter, checklist, answers, lang } = options;
  const paint = options.paint ?? NO_PAINT;
  const items = applyingItems(checklist, answers.unit.type);
  const parts = checklist.areas.filter((a) => items.some((p) => p.area === a));
  const answeredCount = (): number => items.filter((p) => isAnswered(p.item, answers.answers[p.item.id])).length;
  const result = (outcome: WalkResult['outcome']): WalkResult => ({ outcome, answered: answeredCount(), total: items.length });

  let index = options.startAt !== undefined ? items.findIndex((p) => p.item.id === options.startAt) : -1;
  if (index === -1) index = firstUnanswered(items, answers);
  const done = answeredCount();
  let notices = [...(options.notices ?? [])];
  /** Whether the item on screen was picked from the unanswered list. */
  let picked = false;
  const isOpen = (p: PlacedItem): boolean => !isAnswered(p.item, answers.answers[p.item.id]);
  /** The next unanswered item after `at`, else the first one before it, else the end. */
  const nextOpen = (at: number): number => {
    const after = items.findIndex((p, i) => i > at && isOpen(p));
    if (after !== -1) return after;
    const before = items.findIndex(isOpen);
    return before === -1 ? items.length : before;
  };
  if (done > 0 && index < items.length) notices.push(paint.green(translate(lang, 'walk.resume', { done, total: items.length, id: items[index].item.id })));
  /** Starts a new screen, with the notices gathered since the last one on top. */
  const show = (text: string): void => {
    prompter.screen(notices.length > 0 ? `${notices.join('\n')}\n\n${text}` : text);
    notices = [];
  };

  const navChoices = (at: number, atEnd: boolean): SelectChoice<ItemChoice>[] => {
    const list: SelectChoice<ItemChoice>[] = [{ separator: translate(lang, 'walk.nav.separator') }];
    if (at > 0) list.push({ value: '@back', name: translate(lang, 'walk.nav.back') });
    if (!atEnd) list.push({ value: '@skip', name: translate(lang, isAnswered(items[at].item, answers.answers[items[at].item.id]) ? 'walk.nav.skipKeep' : 'walk.nav.skip') });
    if (parts.length > 1) list.push({ value: '@jump', name: translate(lang, 'walk.nav.jump') });
    list.push({ value: '@unanswered', name: translate(lang, 'walk.nav.unanswered', { count: items.length - answeredCount() }) });
    list.push({ value: '@finish', name: translate(lang, 'walk.nav.finish') });
    list.push({ value: '@quit', name: translate(lang, 'walk.nav.quit') });
    return list;
  };

  /** Handles a navigation choice; undefined means "stay on this item". */
  const navigate = async (nav: Nav, at: number): Promise<Step | undefined> => {
    switch (nav) {
      case '@back':
        return { kind: 'goto', index: Math.max(0, Math.min(at, items.length) - 1) };
      case '@skip':
        return { kind: 'goto', index: at + 1 };
      case '@jump': {
        const choices: SelectChoice<number>[] = parts.map((area) => {
          const inArea = items.filter((p) => p.area === area);
          const doneHere = inArea.filter((p) => isAnswered(p.item, answers.answers[p.item.id])).length;
          // Its first unanswered item: the answered ones are there to revisit, not to pass again.
          return { value: items.indexOf(inArea.find(isOpen) ?? inArea[0]), name: `${partTitle(area, lang)}  (${translate(lang, 'walk.doneOf', { done: doneHere, total: inArea.length })})` };
        });
        choices.push({ value: -1, name: translate(lang, 'walk.nav.cancel') });
        const target = await prompter.select({ message: translate(lang, 'walk.jump.message'), choices, pageSize: 14 });
        return target === -1 ? undefined : { kind: 'goto', index: target };
      }
      case '@unanswered': {
        const open = items.filter((p) => !isAnswered(p.item, answers.answers[p.item.id]));
        if (open.length === 0) {
          prompter.say(paint.green(translate(lang, 'walk.unanswered.none')));
          return undefined;
        }
        const choices: SelectChoice<number>[] = open.map((p) => ({ value: items.indexOf(p), name: `${p.item.id}  ${shorten(pickText(p.item.text, lang), 40)}` }));
        choices.push({ value: -1, name: translate(lang, 'walk.nav.cancel') });
        const target = await prompter.select({ message: translate(lang, 'walk.unanswered.message', { count: open.length }), choices, pageSize: 14 });
        return target === -1 ? undefined : { kind: 'goto', index: target, picked: true };
      }
      case '@finish': {
        const open = items.length - answeredCount();
        if (open > 0) {
          const sure = await prompter.confirm({ message: translate(lang, 'walk.finish.confirm', { count: open }), default: false });
          if (!sure) return undefined;
        }
        return { kind: 'finish' };
      }
      case '@quit':
        return { kind: 'quit' };
    }
  };

  for (;;) {
    if (index >= items.length) {
      // Past the last item: finish, or go back to what is still open.
      const open = items.length - answeredCount();
      show(open === 0 ? paint.green(translate(lang, 'walk.end.allDone', { total: items.length })) : paint.yellow(translate(lang, 'walk.end.open', { count: open, total: items.length })));
      let step: Step | undefined;
      while (!step) {
        const choice = await prompter.select<ItemChoice>({
          message: translate(lang, 'walk.end.message'),
          choices: navChoices(items.length, true).filter((c) => !('separator' in c)),
          default: open === 0 ? '@finish' : '@unanswered',
        });
        step = await navigate(choice as Nav, items.length);
      }
      if (step.kind === 'finish') return result('finished');
      if (step.kind === 'quit') return result('quit');
      if (step.kind === 'goto') {
        index = step.index;
        picked = step.picked === true;
      }
      continue;
    }
    const placed = items[index];
    show(renderScreen(placed, index, items, parts, answers, checklist, lang, paint));
    const step = await askItem(placed, index);
    if (step.kind === 'answered') {
      const more = await options.save(answers, placed.item.id);
      if (more) notices.push(...more);
      // Walking in order goes on in order; an item picked from the unanswered list goes on to the next unanswered one.
      index = picked ? nextOpen(index) : index + 1;
    } else if (step.kind === 'goto') {
      index = Math.max(0, Math.min(step.index, items.length));
      picked = step.picked === true;
    } else {
      return result(step.kind === 'finish' ? 'finished' : 'quit');
    }
  }

  function askRectify(previous: Rectify | undefined): Promise<Rectify | undefined> {
    return askRectifyWith(prompter, lang, previous);
  }

  /** Asks one item until it is answered or the officer navigates away. */
  async function askItem(placed: PlacedItem, at: number): Promise<Step> {
    const { item } = placed;
    const kind = kindOf(item);
    const previous = answers.answers[item.id];
    const answeredBefore = isAnswered(item, previous);
    for (;;) {
      const choices: SelectChoice<ItemChoice>[] = [];
      let preselect: ItemChoice | undefined;
      if (kind === 'status') {
        // A veto item is answered pass or fail only (a partial or na veto is a validation error).
        const offered = item.veto ? STATUSES.filter((s) => s === 'pass' || s === 'fail') : STATUSES;
        for (const s of offered) choices.push({ value: s, name: translate(lang, `walk.status.${s}`) });
        preselect = previous?.status;
      } else if (kind === 'ratio') {
        choices.push({ value: '@enter', name: translate(lang, 'walk.ratio.enter') });
        choices.push({ value: 'na', name: translate(lang, 'walk.status.na') });
        preselect = previous?.status === 'na' ? 'na' : '@enter';
      } else {
        choices.push({ value: '@enter', name: translate(lang, 'walk.deduct.enter') });
        choices.push({ value: '@none', name: translate(lang, 'walk.deduct.none') });
        choices.push({ value: 'na', name: translate(lang, 'walk.status.na') });
        preselect = previous?.status === 'na' ? 'na' : previous?.deductions && Object.values(previous.deductions).some((n) => n > 0) ? '@enter' : previous ? '@none' : '@enter';
      }
      choices.push(...navChoices(at, false));
      // A new item starts on no answer: Enter alone must not pass an item nobody has read.
      const choice = await prompter.select<ItemChoice>({
        message: translate(lang, `walk.answer.${kind}`),
        choices,
        default: answeredBefore ? preselect : undefined,
        placeholder: answeredBefore ? undefined : translate(lang, 'walk.placeholder'),
        pageSize: choices.length,
      });
      if (choice.startsWith('@') && choice !== '@enter' && choice !== '@none') {
        const step = await navigate(choice as Nav, at);
        if (step) return step;
        continue;
      }
      try {
        const answer = await askAnswer(placed, choice, previous);
        answers.answers[item.id] = answer;
        return { kind: 'answered' };
      } catch (error) {
        // Esc at one of the answer's prompts: back to the choice, the answer on file untouched.
        if (!(error instanceof PromptEscaped)) throw error;
      }
    }
  }

  /** Asks the rest of an answer after its choice: value or counts, note, evidence, rectification task. */
  async function askAnswer(placed: PlacedItem, choice: ItemChoice, previous: Answer | undefined): Promise<Answer> {
    const { item } = placed;
    const kind = kindOf(item);
    const answer: Answer = {};
    let tone: Tone = 'plain';
    if (choice === 'na') {
      answer.status = 'na';
      tone = 'na';
    } else if (kind === 'status') {
      answer.status = choice as Status;
      if (choice === 'partial' || choice === 'fail') tone = 'problem';
    } else if (kind === 'ratio') {
      answer.value = await askRatio(prompter, lang, previous?.value !== undefined ? String(previous.value) : undefined, true);
      if (answer.value < 1) tone = 'problem';
    } else {
      answer.deductions = choice === '@enter' ? await askDeductions(prompter, lang, item, (rule) => previous?.deductions?.[rule] ?? 0, true) : {};
      if (Object.keys(answer.deductions).length > 0) tone = 'problem';
    }
    // A note: required for na, asked with a hint about the gap for partial/fail, optional otherwise.
    // A reason why the item does not apply is no note on an answer (a gap, a remark), nor the
    // other way round: the old note is offered only when both answers are na or neither is.
    const oldNote = previous && (previous.status === 'na') === (tone === 'na') ? previous.note : undefined;
    const note = await prompter.input({
      message: translate(lang, `walk.note.${tone}`) + (oldNote ? translate(lang, 'walk.clearHint') : ''),
      default: oldNote,
      validate: (v) => (tone === 'na' && (isBlankText(v) || v.trim() === '-') ? translate(lang, 'walk.note.required') : true),
      escapable: true,
    });
    if (!isBlankText(note) && note.trim() !== '-') answer.note = note.trim();
    const oldEvidence = formatEvidence(previous?.evidence);
    const evidence = await prompter.input({
      message: translate(lang, 'walk.evidence.message') + (oldEvidence ? translate(lang, 'walk.clearHint') : ''),
      default: oldEvidence || undefined,
      escapable: true,
    });
    const list = evidence.trim() === '-' ? [] : parseEvidence(evidence, previous?.evidence);
    if (list.length > 0) answer.evidence = list;
    // A typo in a file name is found now, not by the office: warned about, and kept as typed.
    if (options.evidenceBase !== undefined) {
      for (const e of list) {
        const path = evidencePath(e);
        if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(path) && !existsSync(resolve(options.evidenceBase, path))) {
          // On top of the next screen: said now, it would be cleared by it at once.
          notices.push(paint.yellow(translate(lang, 'walk.evidence.missing', { path: makeVisible(path) })));
        }
      }
    }
    // A shortfall: offer to record its rectification task (a plan on any other answer is not allowed).
    if (tone === 'problem') {
      let plan: Rectify | undefined;
      try {
        plan = await askRectify(previous?.rectify);
      } catch (error) {
        // Ctrl-C in the optional task: the answer is complete without it, and is saved as it stands
        // (with the task it had before, if any) before the walk stops.
        if (!(error instanceof PromptInterrupted)) throw error;
        if (previous?.rectify) answer.rectify = previous.rectify;
        answers.answers[item.id] = answer;
        await options.save(answers, item.id);
        throw error;
      }
      if (plan) answer.rectify = plan;
    }
    return answer;
  }
}

/**
 * Offers to record the rectification task of an answer that falls short (skippable: no keeps the
 * answer without one); a previous task is offered for editing, its fields as the defaults.
 */
async function askRectifyWith(prompter: Prompter, lang: Lang, previous: Rectify | undefined): Promise<Rectify | undefined> {
  const want = await prompter.confirm({ message: translate(lang, previous ? 'walk.rectify.edit' : 'walk.rectify.offer'), default: previous !== undefined });
  if (!want) return undefined;
  const required = (v: string): true | string => (isBlankText(v) ? translate(lang, 'walk.rectify.required') : true);
  const date = (v: string): true | string => (isDay(v.trim()) ? true : translate(lang, 'walk.rectify.badDate', { value: v.trim() }));
  const measures = (await prompter.input({ message: translate(lang, 'walk.rectify.measures'), default: previous?.measures, validate: required })).trim();
  const owner = (await prompter.input({ message: translate(lang, 'walk.rectify.owner'), default: previous?.owner, validate: required })).trim();
  const due = (await prompter.input({ message: translate(lang, 'walk.rectify.due'), default: previous?.due, validate: date })).trim();
  const status = await prompter.select<RectifyStatus>({
    message: translate(lang, 'walk.rectify.status'),
    choices: RECTIFY_STATUSES.map((s) => ({ value: s, name: translate(lang, `walk.rectify.status.${s}`) })),
    default: previous?.status ?? 'open',
  });
  const plan: Rectify = { measures, owner, due, status };
  if (status === 'done') {
    plan.doneOn = (await prompter.input({ message: translate(lang, 'walk.rectify.doneOn'), default: previous?.doneOn, validate: date })).trim();
    const old = formatEvidence(previous?.evidence);
    const raw = await prompter.input({
      message: translate(lang, 'walk.rectify.evidence'),
      default: old || undefined,
      validate: (v) => (parseEvidence(v, previous?.evidence).length > 0 ? true : translate(lang, 'walk.rectify.evidenceRequired')),
    });
    plan.evidence = parseEvidence(raw, previous?.evidence);
  }
  return plan;
}

/** What a note says for an answer: why it does not apply, the gap of a shortfall, or a plain remark. */
type Tone = 'na' | 'problem' | 'plain';

/**
 * Asks for a ratio item's value (the self-check's answer or the reviewer's verified one), offering
 * `defaultText`; what the prompt lets through always parses, 0 stands in only for a prompter that
 * skips validation. With `escapable`, Esc rejects with {@link PromptEscaped}.
 */
export async function askRatio(prompter: Prompter, lang: Lang, defaultText: string | undefined, escapable?: boolean): Promise<number> {
  const raw = await prompter.input({ message: translate(lang, 'walk.ratio.message'), default: defaultText, validate: ratioValidator(lang), ...(escapable ? { escapable } : {}) });
  const parsed = parseRatio(raw);
  return parsed.ok ? parsed.value : 0;
}

/**
 * Asks how often each of a deduct item's rules was broken, offering `defaultCount(rule id)`;
 * returns the counts above 0 by rule id.
 */
export async function askDeductions(prompter: Prompter, lang: Lang, item: Item, defaultCount: (rule: string) => number, escapable?: boolean): Promise<Record<string, number>> {
  const deductions: Record<string, number> = {};
  for (const rule of item.deductions ?? []) {
    const raw = await prompter.input({
      message: translate(lang, 'walk.deduct.count', { rule: pickText(rule.text, lang), points: rule.points }),
      default: String(defaultCount(rule.id)),
      validate: countValidator(lang),
      ...(escapable ? { escapable } : {}),
    });
    const count = parseCount(raw) ?? 0;
    if (count > 0) deductions[rule.id] = count;
  }
  return deductions;
}

/** Validates a typed ratio at the prompt: true, or the message saying what to type. */
export function ratioValidator(lang: Lang): (value: string) => true | string {
  return (value) => {
    const parsed = parseRatio(value);
    return parsed.ok ? true : translate(lang, `walk.ratio.${parsed.problem}`, { value: value.trim() });
  };
}

/** Validates a typed deduction count at the prompt. */
export function countValidator(lang: Lang): (value: string) => true | string {
  return (value) => (parseCount(value) === undefined ? translate(lang, 'walk.deduct.bad', { value: value.trim() }) : true);
}

function partTitle(area: Area, lang: Lang): string {
  return makeVisible(pickText(area.title, lang));
}

function shorten(text: string, max: number): string {
  const flat = makeVisible(text.replace(/\s+/g, ' ').trim());
  return [...flat].length > max ? [...flat].slice(0, max - 1).join('') + '…' : flat;
}

/** The text of one item's screen: where we are, the item, its basis, how to check, what proves it. */
export function renderScreen(
  placed: PlacedItem,
  index: number,
  items: readonly PlacedItem[],
  parts: readonly Area[],
  answers: Answers,
  checklist: Checklist,
  lang: Lang,
  paint: Paint = NO_PAINT,
): string {
  const { item, area, section } = placed;
  const done = items.filter((p) => isAnswered(p.item, answers.answers[p.item.id])).length;
  const unitLabel = checklist.unitTypes.find((u) => u.id === answers.unit.type)?.label;
  const lines: string[] = [];
  const unit = translate(lang, 'walk.unitLine', { unit: makeVisible(answers.unit.name), type: makeVisible(pickText(unitLabel, lang) || answers.unit.type) });
  lines.push(paint.dim(`${makeVisible(pickText(checklist.title, lang))} · ${unit}`));
  lines.push(
    paint.bold(translate(lang, 'walk.where', { part: parts.indexOf(area) + 1, parts: parts.length, item: index + 1, items: items.length })) +
      '   ' +
      paint.cyan(progressBar(done, items.length)) +
      ' ' +
      translate(lang, 'walk.answeredOf', { done, total: items.length }),
  );
  lines.push('─'.repeat(60));
  lines.push(paint.bold(partTitle(area, lang)) + (section ? ` › ${makeVisible(pickText(section.title, lang))}` : ''));
  const tags = [translate(lang, 'walk.points', { points: item.points })];
  // Said once: the tag only where the item's text does not say it already.
  if (item.veto && !mentionsVeto(pickText(item.text, lang))) tags.push(paint.red(translate(lang, 'walk.tag.veto')));
  if (item.bonus) tags.push(paint.green(translate(lang, 'walk.tag.bonus')));
  if (kindOf(item) !== 'status') tags.push(translate(lang, `walk.tag.${kindOf(item)}`));
  lines.push('');
  lines.push(`${paint.bold(item.id)}  ${tags.map((t) => `[${t}]`).join(' ')}`);
  lines.push(makeVisible(pickText(item.text, lang)));
  if (item.basis) lines.push('', translate(lang, 'walk.basis', { text: makeVisible(pickText(item.basis, lang)) }));
  if (item.guidance) lines.push('', `${paint.bold(translate(lang, 'walk.guidance'))}${makeVisible(pickText(item.guidance, lang))}`);
  if (item.evidence && item.evidence.length > 0) {
    lines.push('', `${paint.bold(translate(lang, 'walk.evidence'))}${item.evidence.map((e) => makeVisible(pickText(e, lang))).join(translate(lang, 'walk.listSep'))}`);
  }
  if (kindOf(item) === 'deduct') {
    for (const rule of item.deductions ?? []) lines.push(`  - ${makeVisible(pickText(rule.text, lang))}`);
  }
  const previous = answers.answers[item.id];
  if (isAnswered(item, previous)) lines.push('', paint.green(translate(lang, 'walk.previous', { answer: describeAnswer(item, previous!, lang) })));
  lines.push('');
  return lines.join('\n');
}

/** A one-line description of an answer, for the "answered before" line. */
export function describeAnswer(item: Item, answer: Answer, lang: Lang): string {
  const parts: string[] = [];
  if (answer.status) parts.push(translate(lang, `walk.status.${answer.status}`));
  if (answer.value !== undefined) parts.push(`${Math.round(answer.value * 1000) / 10}%`);
  if (answer.deductions) {
    const total = Object.entries(answer.deductions).reduce((n, [id, count]) => n + count * (item.deductions?.find((d) => d.id === id)?.points ?? 0), 0);
    parts.push(translate(lang, 'walk.deducted', { points: total }));
  }
  if (answer.note) parts.push(shorten(answer.note, 40));
  return parts.join(' — ');
}
