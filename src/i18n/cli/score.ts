// wangxin score on the command line: its help, errors and status lines.
import type { Catalogue } from '../catalog.js';

/** wangxin score on the command line. */
export const SCORE_CLI = {
  'score.description': {
    zh: '为一个单位的答卷评分并生成报告（Markdown、JSON、HTML 或 Word 自查报告；默认输出到屏幕）',
    en: "score one unit's answer file and produce its report (Markdown, JSON, HTML or a Word document; to stdout by default)",
  },
  'score.arg.answers': { zh: '答卷文件（YAML）', en: 'the answer file (YAML)' },
  'score.opt.format': {
    zh: '报告格式：md、json、html 或 docx（Word，须 --out）（默认 md；给了 --out 时按其扩展名）',
    en: 'report format: md, json, html or docx (Word; needs --out) (default md, or from the --out file name)',
  },
  'score.opt.out': { zh: '把报告写入此文件（不输出到屏幕）', en: 'write the report to this file instead of stdout' },
  'score.opt.failUnder': {
    zh: '总分低于 N 或被一票否决时以退出码 1 结束（用于 CI）',
    en: 'exit with code 1 when the score is below N or the unit is vetoed (for CI)',
  },
  'score.error.write': { zh: '无法写入报告文件 {file}：{reason}', en: 'cannot write the report to {file}: {reason}' },
  'score.invalid': {
    zh: '{file}：答卷有 {count} 个错误，未生成报告',
    en: '{file}: the answer file has {count} error(s); no report was produced',
  },
  'score.written': { zh: '报告已写入 {file}', en: 'report written to {file}' },
  'score.summary': { zh: '{unit}：{score} 分，{grade}', en: '{unit}: {score}, {grade}' },
  'score.vetoed': { zh: '{unit} 被一票否决（{items}），等级为最低等级', en: '{unit} is vetoed ({items}) and gets the lowest grade' },
  'score.below': {
    zh: '{unit} 总分 {score} 低于 --fail-under {min}',
    en: '{unit} scored {score}, below --fail-under {min}',
  },
  'score.incomplete': {
    zh: '注意：{count} 个条目未作答，按 0 分计',
    en: 'Note: {count} {count|item is|items are} unanswered and score 0',
  },
  'score.example.basic': { zh: '在屏幕上查看报告', en: 'show the report' },
  'score.example.html': { zh: '生成可打印的 HTML 报告', en: 'write a printable HTML report' },
  'score.example.ci': { zh: '在 CI 中要求至少 80 分且未被否决', en: 'in CI, require 80 points and no veto' },
} as const satisfies Catalogue;
