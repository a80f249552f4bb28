// Words and hints filled into diagnostic texts: what kind of thing is named, why a file is unreadable, what to write instead.
import type { Catalogue } from '../catalog.js';

/** The words and hints that diagnostics' parameters carry. */
export const DIAGNOSTIC_TERMS = {
  // Why the answer file a review names cannot be used (REVIEW_ANSWERS_UNUSABLE).
  'diag.review.answersInvalid': { zh: '它有 {count} 个错误，请先用 wangxin validate 检查它', en: 'it has {count} error(s); run wangxin validate on it first' },
  // What a duplicate or unknown id names (DUPLICATE_ID, EXTEND_* codes).
  'diag.what.item': { zh: '条目', en: 'item' },
  'diag.what.section': { zh: '二级指标', en: 'section' },
  'diag.what.area': { zh: '一级指标', en: 'area' },
  'diag.what.unitType': { zh: '单位类型', en: 'unit type' },
  'diag.what.deduction': { zh: '扣分规则', en: 'deduction' },
  'diag.what.rosterUnit': { zh: '名单中的单位', en: 'roster unit' },
  // What an `append` targets (EXTEND_APPEND_MISMATCH).
  'diag.hint.override': { zh: '要修改它请用 override', en: 'use override to change it' },
  'diag.hint.unitTypeFixed': {
    zh: '基础检查表的单位类型不能重新定义或改名；新的单位类型请另取编号',
    en: 'a unit type of the base checklist cannot be redefined or relabelled; give a new unit type an id of its own',
  },
  'diag.append.items': { zh: '只能在其下追加 items', en: 'only items can be appended to it' },
  'diag.append.sections': { zh: '只能在其下追加 sections', en: 'only sections can be appended to it' },
  'diag.append.none': { zh: '条目下不能追加；请追加到它所在的二级指标或一级指标', en: 'nothing can be appended to an item: append to its section or area' },
  'diag.target.item': { zh: '条目', en: 'an item' },
  'diag.target.section': { zh: '二级指标', en: 'a section' },
  'diag.target.areaWithSections': { zh: '分二级指标的一级指标', en: 'an area divided into sections' },
  'diag.target.areaWithItems': { zh: '直接列条目的一级指标', en: 'an area that lists items directly' },
  // Why a file could not be read (FILE_NOT_REGULAR, FILE_UNREADABLE).
  'diag.special.fifo': { zh: 'FIFO（命名管道）', en: 'a FIFO (named pipe)' },
  'diag.special.characterDevice': { zh: '字符设备', en: 'a character device' },
  'diag.special.blockDevice': { zh: '块设备', en: 'a block device' },
  'diag.special.socket': { zh: '套接字', en: 'a socket' },
  'diag.reason.permission': { zh: '没有读取权限', en: 'permission denied' },
  'diag.reason.danglingLink': { zh: '符号链接指向的文件不存在', en: 'a symbolic link to a file that does not exist' },
  'diag.reason.linkLoop': { zh: '符号链接循环', en: 'symbolic link loop' },
  'diag.reason.linkLoopParent': { zh: '符号链接循环（指回上级文件夹）', en: 'symbolic link loop (points back to a parent folder)' },
  // Hand-edit slips in YAML (YAML_SYNTAX details and hints).
  'diag.yaml.commaBefore': {
    zh: '第 {line} 行第 {column} 列之前缺少逗号“,”：花括号 { } 中的各项之间要用逗号分隔',
    en: 'a comma "," is missing before line {line}, column {column}: the items inside { } are separated by commas',
  },
  'diag.yaml.commaAtEnd': {
    zh: '第 {line} 行末尾缺少逗号“,”：花括号 { } 中的各项之间要用逗号分隔',
    en: 'line {line} lacks a comma "," at its end: the items inside { } are separated by commas',
  },
  'diag.hint.fullWidthColon': {
    zh: '；第 {line} 行第 {column} 列是全角冒号“：”，请改为半角冒号“:”（后面加一个空格）',
    en: '; line {line}, column {column} has a full-width colon "："; write an ASCII colon ":" followed by a space',
  },
  'diag.hint.fullWidthComma': {
    zh: '；第 {line} 行第 {column} 列是全角逗号“，”，请改为半角逗号“,”',
    en: '; line {line}, column {column} has a full-width comma "，"; write an ASCII comma ","',
  },
  // Schema errors explained (SCHEMA_* details and hints).
  'diag.schema.writeStatus': { zh: '；“{value}”请写作 {status}', en: '; for "{value}" write {status}' },
  'diag.schema.didYouMean': { zh: '，是否应为“{guess}”？', en: '; did you mean "{guess}"?' },
  'diag.schema.writeShare': {
    zh: '；比例请写作 0 到 1 之间的数：“{value}”请写作 {shown}',
    en: '; write the share as a number from 0 to 1: for "{value}" write {shown}',
  },
  'diag.schema.writeAnswer': { zh: '；一个答案写在花括号里：{answer}', en: '; an answer goes in braces: {answer}' },
  'diag.schema.writeDate': { zh: '；日期请写成 年-月-日，如 2026-06-30', en: '; write the date year-month-day, such as 2026-06-30' },
  'diag.schema.emptyOneOf': { zh: '{name} 不能为空，应为以下之一：{allowed}', en: '{name} is empty; it must be one of: {allowed}' },
  'diag.schema.empty': { zh: '{name} 不能为空（{detail}）', en: '{name} is empty (it {detail})' },
  'diag.schema.requiredPath': { zh: '{path} ', en: '{path}: ' },
  'diag.schema.badName': { zh: '名称“{name}”不符合要求', en: 'the name "{name}" is not allowed' },
  'diag.schema.oneOfValues': { zh: '应为以下之一：{allowed}{hint}', en: 'must be one of: {allowed}{hint}' },
  'diag.schema.withHint': { zh: '{detail}{hint}', en: '{detail}{hint}' },
  'diag.schema.patternWords': { zh: '应为{what}{hint}', en: 'it must be {what}{hint}' },
  'diag.pattern.slug': { zh: '小写字母和数字，可用短横线连接（如 city-small）', en: 'lower-case letters and digits, joined by dashes (such as city-small)' },
  'diag.pattern.id': { zh: '字母或数字开头，只含字母、数字和 . _ -（如 A1.2.3）', en: 'a letter or digit, then letters, digits and . _ - only (such as A1.2.3)' },
  'diag.pattern.version': { zh: '版本号，如 1.0.0（主版本.次版本.修订号）', en: 'a version such as 1.0.0 (major.minor.patch)' },
  'diag.pattern.sha256': { zh: '64 位小写十六进制数字（SHA-256 摘要）', en: '64 lower-case hexadecimal digits (a SHA-256 digest)' },
  'diag.pattern.lang': { zh: '语言代码，如 zh、en', en: 'a language code such as zh or en' },
  'diag.schema.fullWidth': { zh: '；其中“{chars}”是全角字符，请改用半角', en: '; "{chars}" is full-width: use the half-width form' },
  'diag.schema.exactlyOne': { zh: '必须有且只有以下之一：{list}', en: 'must have exactly one of: {list}' },
  'diag.schema.atLeastOne': { zh: '至少需要以下之一：{list}', en: 'needs at least one of: {list}' },
  // Answers against their checklist (ANSWER_KIND_MISMATCH, RECTIFY_NOT_NEEDED, UNKNOWN_CHECKLIST).
  'diag.kind.status': { zh: '状态类（status）', en: 'status' },
  'diag.kind.ratio': { zh: '比例类（ratio）', en: 'ratio' },
  'diag.kind.deduct': { zh: '扣分类（deduct）', en: 'deduct' },
  'diag.expected.status': { zh: 'status（pass/partial/fail/na）', en: 'status (pass/partial/fail/na)' },
  'diag.expected.ratio': { zh: 'value（0 到 1）或 status: na', en: 'value (0 to 1) or status: na' },
  'diag.expected.deduct': { zh: 'deductions（各扣分规则的次数）或 status: na', en: 'deductions (a count per rule) or status: na' },
  'diag.state.na': { zh: '为“不适用”', en: 'na (not applicable)' },
  'diag.state.value': { zh: '为 {value}', en: 'with value {value}' },
  'diag.state.noDeduction': { zh: '没有扣分', en: 'with nothing deducted' },
  'diag.state.pass': { zh: '为“符合”', en: 'pass' },
  'diag.hint.checklistOption': { zh: '可用 --checklist 指定文件', en: 'Use --checklist to name a file' },
} as const satisfies Catalogue;
