// Strings of `wangxin ledger` (command, counts and the Markdown ledger), in both languages.
import { defineMessages } from './catalog.js';

/** The `ledger` catalogue. */
export const LEDGER_MESSAGES = {
  'ledger.description': {
    zh: '整改台账：汇总各单位答卷中的整改任务，列出未完成和逾期的任务（按单位、按一级指标），并统计本期完成情况',
    en: "the rectification ledger: every unit's rectification tasks, the open and overdue ones by unit and by area, and what was done this period",
  },
  'ledger.arg.paths': { zh: '答卷文件或文件夹（递归查找 .yaml/.yml）', en: 'answer files or folders (searched for .yaml/.yml)' },
  'ledger.opt.format': { zh: '输出格式：md（默认）或 json', en: 'output format: md (default) or json' },
  'ledger.opt.out': { zh: '写入此文件（默认输出到屏幕）', en: 'write to this file (default: print)' },
  'ledger.opt.since': {
    zh: '“本期已完成”的起始日期 YYYY-MM-DD（默认 --as-of 所在年的 1 月 1 日）',
    en: 'start of the period for "done this period", YYYY-MM-DD (default 1 January of the --as-of year)',
  },
  'ledger.opt.failOverdue': { zh: '有逾期未完成的整改任务时以 1 退出（用于 CI）', en: 'exit 1 when a task is overdue (for CI)' },
  'ledger.example.basic': { zh: '全县整改台账（Markdown）', en: "the county's ledger (Markdown)" },
  'ledger.example.ci': { zh: 'CI：按指定日期统计，有逾期即失败', en: 'CI: as of a given day, fail on an overdue task' },
  'ledger.example.json': { zh: '供其他工具使用的 JSON', en: 'JSON for other tools' },
  'ledger.error.sinceAfter': { zh: '--since {since} 晚于 --as-of {asOf}', en: '--since {since} is after --as-of {asOf}' },
  'ledger.error.write': { zh: '无法写入 {file}：{reason}', en: 'cannot write {file}: {reason}' },
  'ledger.written': { zh: '已写入整改台账 {file}', en: 'ledger written: {file}' },
  'ledger.invalid': { zh: '{count} 个答卷无法读取或有错误，其中的整改任务未计入', en: '{count} answer file(s) unreadable or invalid; their tasks are not counted' },
  'ledger.overdueFail': { zh: '有 {count} 项整改任务逾期未完成', en: '{count} rectification task(s) overdue' },
  'ledger.result': {
    zh: '截至 {asOf}：{units} 个单位，整改任务 {tasks} 项；未完成 {open} 项，其中逾期 {overdue} 项；{since} 以来已完成 {doneThisPeriod} 项。',
    en: 'As of {asOf}: {units} unit(s), {tasks} rectification task(s); {open} open, {overdue} of them overdue; {doneThisPeriod} done since {since}.',
  },
  'ledger.batchLine': {
    zh: '整改任务（截至 {asOf}）：{units} 个单位共 {tasks} 项；未完成 {open} 项，其中逾期 {overdue} 项；{since} 以来已完成 {doneThisPeriod} 项。明细见 `wangxin ledger`。',
    en: 'Rectification tasks (as of {asOf}): {tasks} in {units} unit(s); {open} open, {overdue} of them overdue; {doneThisPeriod} done since {since}. See `wangxin ledger` for the list.',
  },
  'ledger.md.title': { zh: '整改台账', en: 'Rectification ledger' },
  'ledger.md.byUnit': { zh: '按单位', en: 'By unit' },
  'ledger.md.byArea': { zh: '按一级指标', en: 'By area' },
  'ledger.md.done': { zh: '本期已完成', en: 'Done this period' },
  'ledger.md.problems': { zh: '无法读取或有错误的答卷', en: 'Unreadable or invalid answer files' },
  'ledger.md.none': { zh: '没有未完成的整改任务。', en: 'No open rectification task.' },
  'ledger.md.noneDone': { zh: '本期没有完成的整改任务。', en: 'No task was done this period.' },
  'ledger.md.groupLine': { zh: '未完成 {open} 项，逾期 {overdue} 项', en: '{open} open, {overdue} overdue' },
  'ledger.col.unit': { zh: '单位', en: 'Unit' },
  'ledger.col.item': { zh: '条目', en: 'Item' },
  'ledger.col.area': { zh: '一级指标', en: 'Area' },
  'ledger.col.points': { zh: '失分', en: 'Points lost' },
  'ledger.col.measures': { zh: '整改措施', en: 'Measures' },
  'ledger.col.owner': { zh: '责任人', en: 'Owner' },
  'ledger.col.due': { zh: '期限', en: 'Due' },
  'ledger.col.status': { zh: '状态', en: 'Status' },
  'ledger.col.overdue': { zh: '逾期天数', en: 'Days overdue' },
  'ledger.col.doneOn': { zh: '完成日期', en: 'Done on' },
  'ledger.col.file': { zh: '文件', en: 'File' },
  'ledger.col.problem': { zh: '问题', en: 'Problem' },
  'ledger.status.open': { zh: '未开始', en: 'open' },
  'ledger.status.in-progress': { zh: '整改中', en: 'in progress' },
  'ledger.status.done': { zh: '已完成', en: 'done' },
} as const;

/** Translates a `ledger` message. */
export const tl = defineMessages('ledger', LEDGER_MESSAGES);
