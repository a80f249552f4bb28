// wangxin batch on the command line: its help, errors and status lines.
import type { Catalogue } from '../catalog.js';

/** wangxin batch on the command line. */
export const BATCH_CLI = {
  'batch.cli.description': { zh: '批量评分：一个文件夹或多个答卷文件，生成汇总（用于 CI）', en: 'batch scoring of a folder or many answer files, with a summary (for CI)' },
  'batch.cli.arg.paths': { zh: '答卷文件或文件夹（递归查找 *.yaml/*.yml/*.xlsx）', en: 'answer files or folders (searched for *.yaml/*.yml/*.xlsx)' },
  'batch.cli.opt.format': {
    zh: '汇总格式：md、html（可打印的单页，含图表）、json（含每个单位的报告）、jsonl（每个文件一行，最后一行为汇总）或 xlsx（Excel 工作簿，须 --out）；默认按 --out 的扩展名，否则 md',
    en: 'summary format: md, html (one printable page with charts), json (with every unit report), jsonl (a line per file, then a summary line) or xlsx (an Excel workbook; needs --out); by default from the --out extension, else md',
  },
  'batch.cli.opt.out': { zh: '把汇总写入文件（默认输出到标准输出）', en: 'write the summary to a file (default: standard output)' },
  'batch.cli.opt.junit': { zh: '另写一份 JUnit XML 结果（Jenkins、GitLab 可读）', en: 'also write JUnit XML results (read by Jenkins, GitLab)' },
  'batch.cli.opt.failUnder': { zh: '得分低于 N 的单位判为不通过', en: 'a unit scoring below N fails' },
  'batch.cli.opt.allowIncomplete': { zh: '有未作答条目的单位不判为不通过', en: 'do not fail units with unanswered items' },
  'batch.cli.opt.jobs': { zh: '并行线程数（默认：CPU 数）', en: 'parallel threads (default: number of CPUs)' },
  'batch.cli.error.missing': { zh: '找不到：{paths}', en: 'not found: {paths}' },
  'batch.cli.error.noFiles': { zh: '没有找到任何答卷文件（*.yaml/*.yml/*.xlsx）', en: 'no answer files (*.yaml/*.yml/*.xlsx) found' },
  'batch.cli.checklistHint': {
    zh: '提示：有答卷使用的检查表不是内置的；在这些文件中找到的检查表 {files} 只列出、不用于评分。请用 --checklist 指定答卷依据的那一份',
    en: 'hint: some answer files name a checklist that is not built in; the checklists found among the files ({files}) are listed, not used to score: give the one they were filled in from with --checklist',
  },
  'batch.cli.nothingScored': {
    zh: '没有可评分的答卷：找到的 {other} 个文件都不是答卷（见“其他文件”）',
    en: 'nothing to score: none of the {other} {other|file|files} found is an answer file (see "Other files")',
  },
  'batch.cli.error.junitStdout': {
    zh: '--junit - 与汇总都会写到标准输出，两者会混在一起：请用 --out 文件 写汇总，或把 --junit 写到文件',
    en: '--junit - and the summary would both go to standard output, mixed together: write the summary with --out FILE, or the JUnit to a file',
  },
  'batch.cli.error.write': { zh: '无法写入 {file}：{reason}', en: 'cannot write {file}: {reason}' },
  'batch.cli.written': { zh: '已写入 {file}', en: 'Wrote {file}' },
  'batch.cli.result': {
    zh: '{files} 个文件：{valid} 个有效，{invalid} 个无效，{failed} 个不通过',
    en: '{files} {files|file|files}: {valid} valid, {invalid} invalid, {failed} failing',
  },
  'batch.cli.progress': { zh: '评分中', en: 'Scoring' },
  'batch.cli.opt.allowDuplicates': { zh: '同一单位提交多份不判为不通过（仍只计日期最晚的一份）', en: 'a unit submitted more than once does not fail the batch (only its latest copy still counts)' },
  'batch.cli.opt.roster': {
    zh: '应报单位名单（YAML，见 wangxin init --roster）：列出未报送的单位和名单外的报送；有单位未报送即不通过',
    en: 'the units due to submit (YAML, see wangxin init --roster): lists the units missing and the submissions from units not on it; a missing unit fails the batch',
  },
  'batch.cli.opt.allowMissing': { zh: '名单上有单位未报送不判为不通过', en: 'a unit on the roster that has not submitted does not fail the batch' },
  'batch.cli.missingUnits': { zh: '名单上 {expected} 个单位中有 {count} 个未报送', en: '{count} of the {expected} {expected|unit|units} on the roster {count|has|have} not submitted' },

  'batch.cli.opt.baseline': {
    zh: '与以往的提交比较（文件夹或文件：答卷或 score --format json 报告），给出每个单位的变化',
    en: 'compare with earlier submissions (a folder or file of answer files or score --format json reports): the change per unit',
  },
  'batch.cli.error.baselineMissing': { zh: '找不到基线：{path}', en: 'baseline not found: {path}' },
  // Help examples.
  'batch.cli.example.stdout': { zh: '汇总到标准输出（Markdown）', en: 'summary on standard output (Markdown)' },
  'batch.cli.example.ci': { zh: 'CI：低于 60 分、一票否决、未答完或无效即失败', en: 'CI: fail on a unit below 60, vetoed, incomplete or invalid' },
  'batch.cli.example.json': { zh: '含每个单位报告的 JSON', en: 'JSON with every unit report' },
  'batch.cli.example.jsonl': { zh: 'JSON Lines：每个文件一行，最后一行为汇总', en: 'JSON Lines: a line per file, then a summary line' },
  'batch.cli.example.xlsx': {
    zh: 'Excel 工作簿：排名、单位×领域（色阶）、分布、无效文件、待整改条目',
    en: 'Excel workbook: ranking, units × areas (colour scales), distributions, invalid files, open items',
  },
  'batch.cli.example.baseline': { zh: '与去年的提交比较：每个单位的变化', en: "change per unit since last year's submissions" },
} as const satisfies Catalogue;
