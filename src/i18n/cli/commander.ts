// What commander would say in English — its parse errors and help words — in both languages.
import type { Catalogue } from '../catalog.js';

/** Commander's parse errors and help words. */
export const COMMANDER_CLI = {
  'commander.missingArgument': { zh: '缺少必需的参数 {name}', en: "missing required argument '{name}'" },
  'commander.optionMissingArgument': { zh: '选项 {flags} 缺少取值', en: "option '{flags}' needs a value" },
  'commander.missingMandatoryOptionValue': { zh: '必须给出选项 {flags}', en: "required option '{flags}' not given" },
  'commander.conflictingOption': { zh: '选项 {option} 不能与 {other} 同时使用', en: "option '{option}' cannot be used with '{other}'" },
  'commander.unknownOption': { zh: '未知选项 {flag}', en: "unknown option '{flag}'" },
  'commander.unknownCommand': { zh: '未知命令 {name}', en: "unknown command '{name}'" },
  'commander.excessArguments': {
    zh: '命令 {command} 的参数过多：应有 {expected} 个，实际给了 {received} 个',
    en: "too many arguments for '{command}': {expected} {expected|is|are} expected, {received} {received|was|were} given",
  },
  'commander.didYouMean': { zh: '（是否想输入 {suggestion}？）', en: ' (did you mean {suggestion}?)' },
  'commander.help.options': { zh: '[选项]', en: '[options]' },
  'commander.help.command': { zh: '[命令]', en: '[command]' },
  'commander.help.default': { zh: '（默认：{value}）', en: ' (default: {value})' },
} as const satisfies Catalogue;
