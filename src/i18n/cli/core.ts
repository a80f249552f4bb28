// The command line itself: global options, usage errors, validate and list.
import type { Catalogue } from '../catalog.js';

/** The command line itself. */
export const CORE_CLI = {
  'cli.description': {
    zh: '网信自查：网络安全和信息化工作自查、评分与汇总工具',
    en: 'wangxin: cybersecurity and informatization compliance self-checks, scoring and summaries',
  },
  'cli.opt.lang': { zh: '界面语言：zh（中文）或 en（英文）', en: 'language: zh (Chinese) or en (English)' },
  'cli.opt.noColor': { zh: '不使用颜色（也可设置 NO_COLOR）', en: 'no colours (NO_COLOR works too)' },
  'cli.opt.version': { zh: '显示版本号', en: 'show the version' },
  'cli.opt.help': { zh: '显示帮助', en: 'show help' },
  'cli.help.usage': { zh: '用法：', en: 'Usage:' },
  'cli.help.arguments': { zh: '参数：', en: 'Arguments:' },
  'cli.help.options': { zh: '选项：', en: 'Options:' },
  'cli.help.globalOptions': { zh: '通用选项：', en: 'Global Options:' },
  'cli.help.commands': { zh: '命令：', en: 'Commands:' },
  'cli.help.examples': { zh: '示例：', en: 'Examples:' },
  'cli.help.command': { zh: '显示某个命令的帮助', en: 'show help for a command' },
  'cli.opt.checklist': { zh: '检查表：内置编号或文件路径', en: 'checklist: a built-in id or a file path' },
  'cli.error.prefix': { zh: '错误', en: 'error' },
  'cli.error.usage': { zh: '用法错误：{detail}（用 --help 查看用法）', en: 'usage error: {detail} (see --help)' },
  'cli.error.internal': {
    zh: '内部错误：{detail}。这是 wangxin 的缺陷，请报告此信息',
    en: 'internal error: {detail}. This is a bug in wangxin; please report it',
  },
  'cli.error.badJobs': { zh: '--jobs 须为 1 到 256 之间的整数，收到“{value}”', en: '--jobs must be a whole number from 1 to 256, got "{value}"' },
  'cli.error.unknownChecklist': { zh: '找不到检查表“{ref}”（内置：{known}）', en: 'no checklist "{ref}" (built-in: {known})' },
  'cli.error.checklistBroken': { zh: '检查表 {file} 有错误，无法使用：', en: 'the checklist {file} has errors and cannot be used:' },
  'cli.error.sourceDateEpoch': {
    zh: '环境变量 SOURCE_DATE_EPOCH 须为自 1970 年起的整秒数（如 1767225600），而不是“{value}”',
    en: 'the SOURCE_DATE_EPOCH environment variable must be whole seconds since 1970 (such as 1767225600), not "{value}"',
  },
  'cli.error.badLang': { zh: '--lang 只能是 zh 或 en', en: '--lang must be zh or en' },
  'cli.error.badFormat': { zh: '--format 只能是 {allowed}', en: '--format must be one of {allowed}' },
  'cli.opt.asOf': {
    zh: '判断整改任务是否逾期所依据的日期 YYYY-MM-DD（默认今天；设置了 SOURCE_DATE_EPOCH 时为其日期）',
    en: 'the day rectification tasks are judged overdue on, YYYY-MM-DD (default today, or the day of SOURCE_DATE_EPOCH when set)',
  },
  'cli.error.badAsOf': {
    zh: '{option} 须为真实存在的日期，格式 YYYY-MM-DD（如 2026-12-31），收到“{value}”',
    en: '{option} must be a real date written YYYY-MM-DD (such as 2026-12-31), not "{value}"',
  },
  'cli.error.outExtension': {
    zh: '{option} {file} 的扩展名“{ext}”无法写出，可用：{allowed}（或用 --format 指定）',
    en: '{option} {file}: cannot write a "{ext}" file; it writes {allowed} (or say which with --format)',
  },
  'cli.error.outFormatMismatch': {
    zh: '--format {format} 与 {option} {file} 的扩展名不符',
    en: '--format {format} does not match {option} {file}',
  },
  'cli.error.badFailUnder': {
    zh: '--fail-under 须为 0 到 100 之间的十进制数（如 60 或 87.5），收到“{value}”',
    en: '--fail-under must be a decimal number from 0 to 100 (such as 60 or 87.5), not "{value}"',
  },
  'validate.description': {
    zh: '校验检查表、答卷、复核记录和应报单位名单（按内容自动区分），报告 文件:行:列 的问题',
    en: 'validate checklists, answer files, reviews and rosters (told apart by content), with file:line:col diagnostics',
  },
  'validate.arg.files': { zh: '要校验的 YAML 文件', en: 'YAML files to validate' },
  'validate.opt.format': { zh: '输出格式：text 或 json', en: 'output format: text or json' },
  'validate.ok': { zh: '{file}：通过（{kind}）', en: '{file}: valid ({kind})' },
  'validate.kind.checklist': { zh: '检查表', en: 'checklist' },
  'validate.kind.answers': { zh: '答卷', en: 'answer file' },
  'validate.kind.review': { zh: '复核记录', en: 'review' },
  'validate.kind.roster': { zh: '应报单位名单', en: 'roster' },
  'validate.summary': {
    zh: '共 {files} 个文件：{valid} 个通过，{invalid} 个有错误；{errors} 个错误，{warnings} 个警告',
    en: '{files} file(s): {valid} valid, {invalid} invalid; {errors} error(s), {warnings} warning(s)',
  },
  'list.description': { zh: '列出内置检查表（编号、版本、标题、条目数）', en: 'list the built-in checklists (id, version, title, item count)' },
  'list.header': { zh: '编号\t版本\t条目数\t标题', en: 'id\tversion\titems\ttitle' },
  'list.earlier': {
    zh: '早期版本用“编号@版本”指定（如 {example}）；答卷按其中写明的版本自动对应',
    en: 'name an earlier version as id@version (such as {example}); answer files are matched to the version they name',
  },
  'list.none': { zh: '没有内置检查表', en: 'no built-in checklists' },
  'list.broken': { zh: '{file}：内置检查表无效', en: '{file}: built-in checklist is invalid' },
} as const satisfies Catalogue;
