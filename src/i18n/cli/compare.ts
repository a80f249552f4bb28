// wangxin compare on the command line: its help, errors and warnings.
import type { Catalogue } from '../catalog.js';

/** wangxin compare on the command line. */
export const COMPARE_CLI = {
  'compare.description': {
    zh: '对比同一单位的两份答卷或两份 JSON 报告（如去年和今年）：总分、等级、各一级指标的变化，进步、退步和新增待整改的条目',
    en: "compare two answer files or two JSON reports of one unit (e.g. last year's and this year's): change in score, grade and each area; items that improved, regressed or newly need work",
  },
  'compare.arg.old': { zh: '旧的答卷（.yaml）或 JSON 报告', en: 'the older answer file (.yaml) or JSON report' },
  'compare.arg.new': { zh: '新的答卷（.yaml）或 JSON 报告', en: 'the newer answer file (.yaml) or JSON report' },
  'compare.opt.format': { zh: '输出格式：md 或 json（默认 md；给了 --out 时按其扩展名）', en: 'output format: md or json (default md, or from the --out file name)' },
  'compare.opt.out': { zh: '写入此文件（默认输出到屏幕）', en: 'write to this file (default: print)' },
  'compare.invalid': { zh: '{file} 有错误，无法对比', en: '{file} has errors and cannot be compared' },
  'compare.error.write': { zh: '无法写入 {file}：{reason}', en: 'cannot write {file}: {reason}' },
  'compare.written': { zh: '已写入对比结果 {file}', en: 'Comparison written: {file}' },
  'compare.warn.unitName': { zh: '两个文件的单位名称不同：“{old}” → “{new}”', en: 'the unit names differ: "{old}" → "{new}"' },
  'compare.warn.unitType': { zh: '两个文件的单位类型不同：{old} → {new}', en: 'the unit types differ: {old} → {new}' },
  'compare.warn.checklistId': { zh: '两个文件对应不同的检查表：{old} → {new}', en: 'the files are for different checklists: {old} → {new}' },
  'compare.warn.checklistVersion': {
    zh: '两个文件对应检查表的不同版本：{old} → {new}（只在一方出现的条目单独列出）',
    en: 'the files are for different checklist versions: {old} → {new} (items in one of them only are listed apart)',
  },
  'compare.example.answers': { zh: '对比去年和今年的答卷', en: "compare last year's and this year's answer files" },
  'compare.example.json': { zh: '以 JSON 输出对比结果，供其他程序使用', en: 'the comparison as JSON, for other programs' },
  'compare.example.reports': { zh: '把对比结果写入 Markdown 文件（两份 score --format json 报告也可对比）', en: 'write the comparison to a Markdown file (two score --format json reports compare too)' },
} as const satisfies Catalogue;
