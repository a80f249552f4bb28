// YAML syntax errors in the user's language: yaml's error codes (and its MISSING_CHAR messages) in plain words, with the usual cause; yaml's own English only where neither is known.
import type { Localized } from '../lang.js';

/** yaml's error codes in plain words (each under 120 characters: a diagnostic's texts are cut there). */
const BY_CODE: Record<string, Localized> = {
  ALIAS_PROPS: { zh: '别名（*引用）不能带锚点或标签', en: 'an alias (*reference) cannot have an anchor or a tag' },
  BAD_ALIAS: { zh: '别名（*引用）写法无效', en: 'this alias (*reference) is not written correctly' },
  BAD_COLLECTION_TYPE: { zh: '集合类型不正确', en: 'the kind of list or mapping is not right here' },
  BAD_DIRECTIVE: { zh: '指令（以 % 开头的行）无效', en: 'a directive (a line starting with %) is not valid' },
  BAD_DQ_ESCAPE: { zh: '双引号字符串中的转义序列（\\ 开头）无效', en: 'an escape (starting with \\) in a double-quoted text is not valid' },
  BAD_INDENT: { zh: '缩进不正确：同一层的各行要对齐，下一层要多缩进', en: 'wrong indentation: lines of one level line up, the next level is indented further' },
  BAD_PROP_ORDER: { zh: '锚点和标签的位置不正确', en: 'an anchor or a tag is in the wrong place' },
  BAD_SCALAR_START: { zh: '普通文本不能以这个字符开头，请给整个值加上引号', en: 'a plain text cannot start with this character: put the whole value in quotes' },
  BLOCK_AS_IMPLICIT_KEY: { zh: '多行内容不能用作键（常见原因：缺少冒号或缩进不对）', en: 'several lines cannot be a key (usually a missing colon or wrong indentation)' },
  BLOCK_IN_FLOW: {
    zh: '花括号 { } 或方括号 [ ] 里面不能换成缩进格式（常见原因：两项之间缺少逗号，或用了全角标点）',
    en: 'inside { } or [ ], lines cannot switch to indented form (usually a missing comma, or full-width punctuation)',
  },
  DUPLICATE_KEY: { zh: '键重复', en: 'this key is written twice' },
  IMPOSSIBLE: { zh: '无法解析此处内容', en: 'this cannot be read' },
  KEY_OVER_1024_CHARS: { zh: '键过长（超过 1024 个字符）', en: 'this key is too long (over 1024 characters)' },
  MISSING_CHAR: { zh: '缺少必要的字符', en: 'a character that belongs here is missing' },
  MULTILINE_IMPLICIT_KEY: { zh: '键不能跨行（常见原因：缺少冒号、引号没有闭合或缩进不对）', en: 'a key cannot run over several lines (usually a missing colon, an unclosed quote or wrong indentation)' },
  MULTIPLE_ANCHORS: { zh: '一个节点只能有一个锚点', en: 'a value can have one anchor only' },
  MULTIPLE_DOCS: { zh: '一个文件只能包含一个 YAML 文档', en: 'a file holds one YAML document only' },
  MULTIPLE_TAGS: { zh: '一个节点只能有一个标签', en: 'a value can have one tag only' },
  NON_STRING_KEY: { zh: '键必须是文本', en: 'a key must be a text (usually a list item "- " or braces written where a key belongs)' },
  TAB_AS_INDENT: { zh: '不能用 Tab 缩进，请改用空格', en: 'indent with spaces, not tabs' },
  TAG_RESOLVE_FAILED: { zh: '无法识别的标签', en: 'this tag is not known' },
  UNEXPECTED_TOKEN: { zh: '此处出现了意料之外的内容（常见原因：缩进不对、缺少冒号或多了符号）', en: 'something unexpected is here (usually wrong indentation, a missing colon or a stray character)' },
};

/** yaml's MISSING_CHAR and other messages that say more than their code, matched by their English. */
const BY_MESSAGE: [RegExp, Localized][] = [
  [/^Missing , between flow map items/, { zh: '花括号 { } 中的两项之间缺少逗号“,”', en: 'a comma "," is missing between two entries in braces { }' }],
  [/^Missing , between flow sequence items/, { zh: '方括号 [ ] 中的两项之间缺少逗号“,”', en: 'a comma "," is missing between two entries in brackets [ ]' }],
  [/^Missing closing "quote/, { zh: '双引号没有闭合（缺少结尾的 "）', en: 'a double quote is not closed (the closing " is missing)' }],
  [/^Missing closing 'quote/, { zh: "单引号没有闭合（缺少结尾的 '）", en: "a single quote is not closed (the closing ' is missing)" }],
  [/^Expected a flow map to end with \}/, { zh: '花括号 { 没有闭合（缺少 }）', en: 'a brace { is not closed (the } is missing)' }],
  [/^Expected a flow sequence to end with \]/, { zh: '方括号 [ 没有闭合（缺少 ]）', en: 'a bracket [ is not closed (the ] is missing)' }],
  [/must be sufficiently indented and end with a \}/, { zh: '花括号 { 没有闭合（缺少 }），或它的下一行缩进不够', en: 'a brace { is not closed (the } is missing), or the line after it is not indented enough' }],
  [/must be sufficiently indented and end with a \]/, { zh: '方括号 [ 没有闭合（缺少 ]），或它的下一行缩进不够', en: 'a bracket [ is not closed (the ] is missing), or the line after it is not indented enough' }],
  [/^Implicit keys need to be on a single line/, { zh: '键不能跨行（常见原因：缺少冒号、引号没有闭合或缩进不对）', en: 'a key cannot run over several lines (usually a missing colon, an unclosed quote or wrong indentation)' }],
  [/^Implicit map keys need to be followed by map values/, { zh: '键后面缺少冒号“:”和值', en: 'a colon ":" and a value are missing after the key' }],
  [/^A block sequence may not be used as an implicit map key/, { zh: '列表（以“- ”开头的行）不能用作键（常见原因：缩进不对）', en: 'a list (lines starting with "- ") cannot be a key (usually wrong indentation)' }],
  [/^All mapping items must start at the same column/, { zh: '同一层的各项要从同一列开始（缩进对齐）', en: 'the entries of one level must start in the same column (line up their indentation)' }],
  [
    /^Nested mappings are not allowed in compact mappings/,
    {
      // yaml reads a next line indented further as more of this value: the fault may be that line's indentation.
      zh: '同一行里不能再写一个“键: 值”（常见原因：值里有“: ”，请给值加引号；或下一行比这一行缩进得多）',
      en: 'a second "key: value" on one line (quote a value holding ": "), or the next line indented too far',
    },
  ],
  [/^Tabs are not allowed as indentation/, { zh: '不能用 Tab 缩进，请改用空格', en: 'indent with spaces, not tabs' }],
  [/^Unexpected end of/, { zh: '文件意外结束（常见原因：括号或引号没有闭合）', en: 'the file ends too soon (usually an unclosed bracket or quote)' }],
];

/** Every plain-words text above, for the test that holds them under the length a diagnostic's text is cut at. */
export const YAML_ERROR_TEXTS: readonly Localized[] = [...Object.values(BY_CODE), ...BY_MESSAGE.map(([, text]) => text)];

/**
 * A YAML syntax error in both languages, in plain words found by yaml's message or code; where
 * neither is known, yaml's own English (its first line, without the position, which the
 * diagnostic carries) and a general Chinese text.
 */
export function yamlErrorText(code: string | undefined, message: string): Localized {
  const raw = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const known = BY_MESSAGE.find(([re]) => re.test(raw))?.[1] ?? (code !== undefined ? BY_CODE[code] : undefined);
  return known ?? { zh: 'YAML 格式不正确', en: raw };
}
