// wangxin ledger on the command line: its help, errors and status lines.
import type { Catalogue } from '../catalog.js';

/** wangxin ledger on the command line. */
export const LEDGER_CLI = {
  'ledger.description': {
    zh: '整改台账：汇总各单位答卷中的整改任务，列出未完成和逾期的任务（按单位、按一级指标），并统计本期完成情况',
    en: "the rectification ledger: every unit's rectification tasks, the open and overdue ones by unit and by area, and what was done this period",
  },
  'ledger.arg.paths': { zh: '答卷文件或文件夹（递归查找 .yaml/.yml/.xlsx）', en: 'answer files or folders (searched for .yaml/.yml/.xlsx)' },
  'ledger.opt.format': { zh: '输出格式：md（默认）、json 或 xlsx（Excel 工作簿，须配合 --out）', en: 'output format: md (default), json or xlsx (an Excel workbook, with --out)' },
  'ledger.opt.out': { zh: '写入此文件（默认输出到屏幕）', en: 'write to this file (default: print)' },
  'ledger.opt.since': {
    zh: '“本期已完成”的起始日期 YYYY-MM-DD（默认 --as-of 所在年的 1 月 1 日）',
    en: 'start of the period for "done this period", YYYY-MM-DD (default 1 January of the --as-of year)',
  },
  'ledger.opt.failOverdue': { zh: '有逾期未完成的整改任务时以 1 退出（用于 CI）', en: 'exit 1 when a task is overdue (for CI)' },
  'ledger.example.basic': { zh: '全县整改台账（Markdown）', en: "the county's ledger (Markdown)" },
  'ledger.example.ci': { zh: 'CI：按指定日期统计，有逾期即失败', en: 'CI: as of a given day, fail on an overdue task' },
  'ledger.example.json': { zh: '供其他工具使用的 JSON', en: 'JSON for other tools' },
  'ledger.example.xlsx': { zh: 'Excel 工作簿：概况、未完成任务（逾期标红）、按一级指标、本期已完成', en: 'Excel workbook: counts, open tasks (overdue in red), by area, done this period' },
  'ledger.error.sinceAfter': { zh: '--since {since} 晚于 --as-of {asOf}', en: '--since {since} is after --as-of {asOf}' },
  'ledger.error.write': { zh: '无法写入 {file}：{reason}', en: 'cannot write {file}: {reason}' },
  'ledger.written': { zh: '已写入整改台账 {file}', en: 'Ledger written: {file}' },
  'ledger.invalid': { zh: '{count} 个答卷无法读取或有错误，其中的整改任务未计入', en: '{count} answer file(s) unreadable or invalid; their tasks are not counted' },
  'ledger.superseded': { zh: '{file}：{unit} 的较早提交，以 {kept} 为准，不计入台账', en: '{file}: an earlier submission of {unit}; {kept} counts instead, and this file is left out of the ledger' },
  'ledger.overdueFail': { zh: '有 {count} 项整改任务逾期未完成', en: '{count} rectification task(s) overdue' },
  'ledger.result': {
    zh: '截至 {asOf}：{units} 个单位，整改任务 {tasks} 项；未完成 {open} 项，其中逾期 {overdue} 项；{since} 以来已完成 {doneThisPeriod} 项。',
    en: 'As of {asOf}: {units} unit(s), {tasks} rectification task(s); {open} open, {overdue} of them overdue; {doneThisPeriod} done since {since}.',
  },
  'ledger.batchLine': {
    zh: '整改任务（截至 {asOf}）：{units} 个单位共 {tasks} 项；未完成 {open} 项，其中逾期 {overdue} 项；{since} 以来已完成 {doneThisPeriod} 项。明细见 `wangxin ledger`。',
    en: 'Rectification tasks (as of {asOf}): {tasks} in {units} unit(s); {open} open, {overdue} of them overdue; {doneThisPeriod} done since {since}. See `wangxin ledger` for the list.',
  },
} as const satisfies Catalogue;
