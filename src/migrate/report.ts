// The text report of a migration (Markdown-ish, for the terminal): what was kept, carried, new, removed, changed, dropped.
import { makeVisible } from '../util/safe-text.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import { listItems, type Checklist } from '../model/checklist.js';
import { pickText } from '../model/text.js';
import { type Lang } from '../i18n/lang.js';
import type { Migration } from './migrate.js';

/** What the report needs besides the migration. */
export interface MigrationReportContext {
  lang: Lang;
  /** The original and the written file, as the user typed / sees them. */
  original: string;
  written: string;
  target: Checklist;
  old?: Checklist;
  /** The version of the old checklist that was found instead of the one named, if any. */
  foundVersion?: string;
  /** The command that goes on answering the written file (none when it went to standard output). */
  next?: string;
  /** The dropped answers were kept as comments in the new file. */
  droppedKept?: boolean;
  /** The new file is a workbook: `next` checks it once filled in a spreadsheet program. */
  workbook?: boolean;
}

/** The report as lines of text, ending with a newline. */
export function renderMigrationReport(m: Migration, ctx: MigrationReportContext): string {
  const { lang } = ctx;
  const t = (key: MessageKey, params?: Record<string, unknown>): string => translate(lang, key, params);
  const texts = new Map<string, string>();
  for (const c of [ctx.old, ctx.target]) {
    for (const p of c ? listItems(c) : []) texts.set(p.item.id, makeVisible(pickText(p.item.text, lang)).replace(/\s+/g, ' '));
  }
  const line = (id: string, extra?: string): string => `  - ${id}${texts.has(id) ? ` ${texts.get(id)}` : ''}${extra ? ` — ${extra}` : ''}`;
  const list = (heading: string, rows: string[]): string[] => [heading, ...(rows.length > 0 ? rows : [t('migrate.md.none')]), ''];

  const out = [
    `# ${t('migrate.md.title', { from: makeVisible(ctx.original), to: makeVisible(ctx.written) })}`,
    '',
    t('migrate.md.checklists', { fromId: m.from.id, fromVersion: m.from.version, toId: m.to.id, toVersion: m.to.version }),
    t('migrate.md.kept', { count: m.kept.length }),
    '',
  ];
  if (!m.oldKnown) {
    const found = ctx.foundVersion !== undefined ? t('migrate.md.foundOther', { version: ctx.foundVersion }) : '';
    out.push(t('migrate.md.oldUnknown', { id: m.from.id, version: m.from.version, found }), '');
  }
  if (m.carried.length > 0) {
    out.push(...list(t('migrate.md.carried', { count: m.carried.length }), m.carried.map((c) => line(c.id, t('migrate.md.carriedFrom', { from: c.from })))));
  }
  out.push(...list(t('migrate.md.newItems', { count: m.newItems.length }), m.newItems.map((id) => line(id))));
  const removedNote = (r: Migration['removed'][number]): string | undefined =>
    r.carriedTo.length > 0 ? t('migrate.md.removedCarried', { to: r.carriedTo.join(t('migrate.fieldSeparator')) }) : r.answered ? t('migrate.md.removedAnswered') : undefined;
  out.push(...list(t('migrate.md.removed', { count: m.removed.length }), m.removed.map((r) => line(r.id, removedNote(r)))));
  if (m.oldKnown) {
    out.push(
      ...list(
        t('migrate.md.changed', { count: m.changed.length }),
        m.changed.map((c) => {
          const fields = c.fields.map((f) => t(`migrate.field.${f}`)).join(t('migrate.fieldSeparator'));
          return line(c.id, `${t('migrate.fieldsChanged', { fields })}${t('migrate.clauseSeparator')}${t(c.kept ? 'migrate.md.changedKept' : 'migrate.md.changedDropped')}`);
        }),
      ),
    );
  }
  out.push(...list(t('migrate.md.dropped', { count: m.dropped.length }), m.dropped.map((d) => line(d.id, t(`migrate.reason.${d.reason}`)))));
  if (ctx.droppedKept && m.dropped.length > 0) out.push(t('migrate.md.droppedKept'));
  if (m.unanswered.length === 0) out.push(t('migrate.md.complete'));
  else if (!ctx.next) out.push(t('migrate.md.unansweredCount', { count: m.unanswered.length }));
  else if (ctx.workbook) out.push(t('migrate.md.unansweredWorkbook', { count: m.unanswered.length, file: makeVisible(ctx.written), command: makeVisible(ctx.next) }));
  else out.push(t('migrate.md.unanswered', { count: m.unanswered.length, command: makeVisible(ctx.next) }));
  out.push(t('migrate.md.written', { file: makeVisible(ctx.written), original: makeVisible(ctx.original) }));
  return out.join('\n') + '\n';
}
