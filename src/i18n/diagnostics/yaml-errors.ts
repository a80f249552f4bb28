// YAML syntax errors in the user's language: yaml's error codes (and its MISSING_CHAR messages) to Chinese; English keeps yaml's words.
import type { Localized } from '../lang.js';

/** Chinese for yaml's error codes. */
const BY_CODE: Record<string, string> = {
  ALIAS_PROPS: '别名（*引用）不能带锚点或标签',
  BAD_ALIAS: '别名（*引用）写法无效',
  BAD_COLLECTION_TYPE: '集合类型不正确',
  BAD_DIRECTIVE: '指令（以 % 开头的行）无效',
  BAD_DQ_ESCAPE: '双引号字符串中的转义序列（\\ 开头）无效',
  BAD_INDENT: '缩进不正确：同一层的各行要对齐，下一层要多缩进',
  BAD_PROP_ORDER: '锚点和标签的位置不正确',
  BAD_SCALAR_START: '普通文本不能以这个字符开头，请给整个值加上引号',
  BLOCK_AS_IMPLICIT_KEY: '多行内容不能用作键（常见原因：缺少冒号或缩进不对）',
  BLOCK_IN_FLOW: '花括号 { } 或方括号 [ ] 里面不能换成缩进格式（常见原因：两项之间缺少逗号，或用了全角标点）',
  DUPLICATE_KEY: '键重复',
  IMPOSSIBLE: '无法解析此处内容',
  KEY_OVER_1024_CHARS: '键过长（超过 1024 个字符）',
  MISSING_CHAR: '缺少必要的字符',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（常见原因：缺少冒号、引号没有闭合或缩进不对）',
  MULTIPLE_ANCHORS: '一个节点只能有一个锚点',
  MULTIPLE_DOCS: '一个文件只能包含一个 YAML 文档',
  MULTIPLE_TAGS: '一个节点只能有一个标签',
  NON_STRING_KEY: '键必须是文本',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  TAG_RESOLVE_FAILED: '无法识别的标签',
  UNEXPECTED_TOKEN: '此处出现了意料之外的内容（常见原因：缩进不对、缺少冒号或多了符号）',
};

/** yaml's MISSING_CHAR and other messages that say more than their code, matched by their English. */
const BY_MESSAGE: [RegExp, string][] = [
  [/^Missing , between flow map items/, '花括号 { } 中的两项之间缺少逗号“,”'],
  [/^Missing , between flow sequence items/, '方括号 [ ] 中的两项之间缺少逗号“,”'],
  [/^Missing closing "quote/, '双引号没有闭合（缺少结尾的 "）'],
  [/^Missing closing 'quote/, "单引号没有闭合（缺少结尾的 '）"],
  [/^Expected a flow map to end with \}/, '花括号 { 没有闭合（缺少 }）'],
  [/^Expected a flow sequence to end with \]/, '方括号 [ 没有闭合（缺少 ]）'],
  [/must be sufficiently indented and end with a \}/, '花括号 { 没有闭合（缺少 }），或它的下一行缩进不够'],
  [/must be sufficiently indented and end with a \]/, '方括号 [ 没有闭合（缺少 ]），或它的下一行缩进不够'],
  [/^Implicit keys need to be on a single line/, '键不能跨行（常见原因：缺少冒号、引号没有闭合或缩进不对）'],
  [/^Implicit map keys need to be followed by map values/, '键后面缺少冒号“:”和值'],
  [/^Nested mappings are not allowed in compact mappings/, '同一行里不能再写一个“键: 值”（常见原因：值里有“: ”，请给值加引号）'],
  [/^Tabs are not allowed as indentation/, '不能用 Tab 缩进，请改用空格'],
  [/^Unexpected end of/, '文件意外结束（常见原因：括号或引号没有闭合）'],
];

/**
 * A YAML syntax error in both languages: yaml's own English (its first line, without the
 * position, which the diagnostic carries), and Chinese by its message or code.
 */
export function yamlErrorText(code: string | undefined, message: string): Localized {
  const en = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const zh = BY_MESSAGE.find(([re]) => re.test(en))?.[1] ?? (code !== undefined ? BY_CODE[code] : undefined) ?? 'YAML 格式不正确';
  return { zh, en };
}
