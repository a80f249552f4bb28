// The ledger as Markdown for people, and as JSON for tools: counts on top, open tasks by unit and by area.
import { escapeInline as esc, escapeJsonText, escapeTableCell as cell } from '../util/safe-text.js';
import { translate } from '../i18n/translate.js';
import type { Lang } from '../i18n/lang.js';
import { fmtPlain } from './view.js';
import type { Ledger, LedgerTask } from './ledger.js';

/** A file the ledger could not take in: unreadable, or invalid with these diagnostic codes. */
export interface LedgerProblem {
  file: string;
  codes: string[];
  /** The first diagnostic's message, in the ledger's language. */
  message: string;
}

/** Everything a ledger output shows. */
export interface LedgerView {
  ledger: Ledger;
  problems: LedgerProblem[];
  generatedAt: string;
  toolVersion: string;
  lang: Lang;
}

const taskCells = (t: LedgerTask, lang: Lang): string[] => [
  cell(t.measures),
  cell(t.owner),
  t.due,
  translate(lang, `ledger.status.${t.status}`),
  t.overdueDays > 0 ? `⏰ ${t.overdueDays}` : '—',
];

/** The Markdown ledger. Every text from answer files is escaped. */
export function formatLedgerMarkdown(view: LedgerView): string {
  const { ledger, lang } = view;
  const out: string[] = [`# ${translate(lang, 'ledger.md.title')}`, ''];
  out.push(`**${translate(lang, 'ledger.result', { ...ledger.counts, asOf: ledger.asOf, since: ledger.since })}**`, '');
  const head = (cols: string[]): string[] => [`| ${cols.join(' | ')} |`, `| ${cols.map(() => '---').join(' | ')} |`];
  const taskCols = ['ledger.col.measures', 'ledger.col.owner', 'ledger.col.due', 'ledger.col.status', 'ledger.col.overdue'] as const;

  out.push(`## ${translate(lang, 'ledger.md.byUnit')}`, '');
  if (ledger.open.length === 0) out.push(translate(lang, 'ledger.md.none'), '');
  for (const group of ledger.byUnit) {
    const tasks = ledger.open.filter((t) => t.file === group.key);
    out.push(`### ${esc(group.title)}${lang === 'zh' ? `（${esc(group.key)}）` : ` (${esc(group.key)})`} — ${translate(lang, 'ledger.md.groupLine', { ...group })}`, '');
    out.push(...head([translate(lang, 'ledger.col.item'), translate(lang, 'ledger.col.area'), translate(lang, 'ledger.col.points'), ...taskCols.map((k) => translate(lang, k))]));
    for (const t of tasks) out.push(`| ${esc(t.item)} ${cell(t.text)} | ${cell(t.areaTitle)} | ${fmtPlain(t.pointsLost)} | ${taskCells(t, lang).join(' | ')} |`);
    out.push('');
  }

  out.push(`## ${translate(lang, 'ledger.md.byArea')}`, '');
  if (ledger.open.length === 0) out.push(translate(lang, 'ledger.md.none'), '');
  for (const group of ledger.byArea) {
    const tasks = ledger.open.filter((t) => t.area === group.key);
    out.push(`### ${esc(group.title)} — ${translate(lang, 'ledger.md.groupLine', { ...group })}`, '');
    out.push(...head([translate(lang, 'ledger.col.unit'), translate(lang, 'ledger.col.item'), translate(lang, 'ledger.col.points'), ...taskCols.map((k) => translate(lang, k))]));
    for (const t of tasks) out.push(`| ${cell(t.unit)} | ${esc(t.item)} | ${fmtPlain(t.pointsLost)} | ${taskCells(t, lang).join(' | ')} |`);
    out.push('');
  }

  out.push(`## ${translate(lang, 'ledger.md.done')}`, '');
  if (ledger.done.length === 0) out.push(translate(lang, 'ledger.md.noneDone'), '');
  else {
    out.push(...head(['ledger.col.unit', 'ledger.col.item', 'ledger.col.measures', 'ledger.col.owner', 'ledger.col.due', 'ledger.col.doneOn'].map((k) => translate(lang, k as 'ledger.col.unit'))));
    for (const t of ledger.done) out.push(`| ${cell(t.unit)} | ${esc(t.item)} | ${cell(t.measures)} | ${cell(t.owner)} | ${t.due} | ${t.doneOn ?? ''} |`);
    out.push('');
  }

  if (view.problems.length > 0) {
    out.push(`## ${translate(lang, 'ledger.md.problems')}`, '');
    out.push(...head([translate(lang, 'ledger.col.file'), translate(lang, 'ledger.col.problem')]));
    for (const p of view.problems) out.push(`| ${cell(p.file)} | ${cell(p.message)} (${p.codes.join(', ')}) |`);
    out.push('');
  }
  return out.join('\n');
}

/** The JSON ledger (docs/formats.md §6), with a final newline. */
export function formatLedgerJson(view: LedgerView): string {
  const { ledger } = view;
  const doc = {
    schemaVersion: 1,
    generatedAt: view.generatedAt,
    tool: { name: 'wangxin', version: view.toolVersion },
    lang: view.lang,
    asOf: ledger.asOf,
    since: ledger.since,
    counts: ledger.counts,
    byUnit: ledger.byUnit.map((g) => ({ file: g.key, unit: g.title, open: g.open, overdue: g.overdue })),
    byArea: ledger.byArea.map((g) => ({ area: g.key, title: g.title, open: g.open, overdue: g.overdue })),
    open: ledger.open,
    done: ledger.done,
    problems: view.problems,
  };
  return escapeJsonText(JSON.stringify(doc, null, 2)) + '\n';
}
