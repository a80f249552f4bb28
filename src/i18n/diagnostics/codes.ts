// The texts of the diagnostic codes, in both languages; `{name}` placeholders come from the diagnostic.
import type { Catalogue } from '../catalog.js';

/** The texts of the diagnostic codes, in both languages; `{name}` placeholders come from the diagnostic. */
export const DIAGNOSTIC_CODES = {
  // Reading the file (exit 2 in validate/score/run; a finding in batch).
  FILE_NOT_FOUND: { zh: '文件不存在', en: 'file not found' },
  FILE_IS_DIRECTORY: { zh: '这是一个文件夹，不是文件', en: 'this is a folder, not a file' },
  FILE_UNREADABLE: { zh: '无法读取文件：{reason}', en: 'cannot read the file: {reason}' },
  SYMLINK_OUTSIDE: {
    zh: '这是指向文件夹 {folder} 之外的符号链接，未读取',
    en: 'this is a symbolic link that leads outside the folder {folder}; it was not read',
  },
  FILE_NOT_REGULAR: {
    zh: '这不是普通文件（它是{kind}），不会读取',
    en: 'this is not a regular file (it is {kind}); it is not read',
  },
  FILE_TOO_LARGE: {
    zh: '文件过大（{size}），上限为 {limit}',
    en: 'file too large ({size}); the limit is {limit}',
  },
  ENCODING_NOT_UTF8: {
    zh: '文件不是 UTF-8 编码（第 {line} 行第 {column} 列起出现无效字节，可能是 GBK）。请在编辑器中“另存为 UTF-8”后重试',
    en: 'the file is not UTF-8 (invalid bytes from line {line}, column {column}; GBK perhaps). Re-save it as UTF-8 and try again',
  },
  ENCODING_UTF16: {
    zh: '文件是 UTF-16 编码。请在编辑器中“另存为 UTF-8”后重试',
    en: 'the file is UTF-16. Re-save it as UTF-8 and try again',
  },
  BINARY_FILE: {
    zh: '这不是文本文件（含有 NUL 字节）',
    en: 'this is not a text file (it contains NUL bytes)',
  },
  // YAML syntax and structure.
  YAML_EMPTY: { zh: '文件为空（没有任何内容）', en: 'the file is empty (no content)' },
  YAML_SYNTAX: { zh: 'YAML 语法错误：{detail}', en: 'YAML syntax error: {detail}' },
  YAML_DUPLICATE_KEY: { zh: '键“{key}”重复出现', en: 'the key "{key}" appears twice' },
  YAML_TAB_INDENT: {
    zh: '不能用 Tab 缩进，请改用空格',
    en: 'tabs cannot indent YAML; use spaces',
  },
  YAML_TAG: {
    zh: '不允许使用 YAML 标签 {tag}（请写普通的值）',
    en: 'YAML tags such as {tag} are not allowed (write a plain value)',
  },
  YAML_MULTIPLE_DOCUMENTS: {
    zh: '一个文件只能包含一个 YAML 文档（此处出现了第二个“---”文档）',
    en: 'a file holds one YAML document only (a second "---" document starts here)',
  },
  YAML_ALIAS_LIMIT: {
    zh: '别名（*引用）展开过多，超过上限 {limit}，疑似“别名炸弹”',
    en: 'aliases (*refs) expand too many times (limit {limit}): an alias bomb?',
  },
  YAML_TOO_DEEP: {
    zh: '嵌套层级过深（超过 {limit} 层）',
    en: 'nesting is too deep (over {limit} levels)',
  },
  UNKNOWN_DOCUMENT: {
    zh: '无法判断这是检查表还是答卷（检查表有 areas，答卷有 answers）',
    en: 'cannot tell whether this is a checklist or an answer file (checklists have areas, answer files have answers)',
  },
  // JSON Schema (the detail comes from ajv, localised through ajv-i18n).
  SCHEMA_REQUIRED: { zh: '{path}缺少必填字段“{property}”', en: '{path}missing required field "{property}"' },
  SCHEMA_UNKNOWN_PROPERTY: {
    zh: '未知字段“{property}”{hint}',
    en: 'unknown field "{property}"{hint}',
  },
  SCHEMA_TYPE: { zh: '{path}：{detail}', en: '{path}: {detail}' },
  SCHEMA_ENUM: { zh: '{path}：{detail}', en: '{path}: {detail}' },
  SCHEMA_PATTERN: { zh: '{path}：格式不正确，{detail}', en: '{path}: wrong format, {detail}' },
  SCHEMA_RANGE: { zh: '{path}：{detail}', en: '{path}: {detail}' },
  SCHEMA_INVALID: { zh: '{path}：{detail}', en: '{path}: {detail}' },
  // Checklist semantics (docs/formats.md §2).
  DUPLICATE_ID: {
    zh: '{what}编号“{id}”重复（第一次出现在第 {firstLine} 行）',
    en: '{what} id "{id}" is used twice (first on line {firstLine})',
  },
  UNKNOWN_UNIT_TYPE: {
    zh: '适用单位类型“{type}”未在 unitTypes 中声明（已声明：{known}）',
    en: 'unit type "{type}" is not declared in unitTypes (declared: {known})',
  },
  GRADES_NOT_DESCENDING: {
    zh: '等级必须按 min 从高到低排列：{min} 不低于前一项 {previous}',
    en: 'grades must be in descending order of min: {min} is not below the previous {previous}',
  },
  GRADES_NOT_ENDING_AT_ZERO: {
    zh: '最后一个等级的 min 必须为 0（现为 {min}）',
    en: 'the last grade must have min 0 (it has {min})',
  },
  DEDUCTIONS_NOT_ALLOWED: {
    zh: '只有 kind: deduct 的条目才能有 deductions（本条目为 {kind}）',
    en: 'only kind: deduct items may have deductions (this one is {kind})',
  },
  DEDUCTIONS_MISSING: {
    zh: 'kind: deduct 的条目必须列出 deductions（扣分规则）',
    en: 'a kind: deduct item must list its deductions',
  },
  VETO_NOT_STATUS: {
    zh: '一票否决项必须是 kind: status（本条目为 {kind}）',
    en: 'a veto item must be kind: status (this one is {kind})',
  },
  BONUS_IN_WEIGHTED_AREA: {
    zh: '加分项不能放在显式给出 weight 的一级指标中（加分不计入权重）',
    en: 'a bonus item cannot sit in an area whose weight is given explicitly (bonus never counts toward weight)',
  },
  PARTIAL_CREDIT_RANGE: {
    zh: 'partialCredit 必须在 0 到 1 之间（现为 {value}）',
    en: 'partialCredit must be between 0 and 1 (it is {value})',
  },
  POINTS_ZERO: {
    zh: '分值必须大于 0（只有一票否决项可以为 0）',
    en: 'points must be above 0 (only veto items may have 0)',
  },
  // Checklists that extend another (README, "Custom checklists").
  EXTEND_UNKNOWN_BASE: {
    zh: '找不到基础检查表“{base}”（内置：{known}；也可写相对于本文件的 .yaml 路径）',
    en: 'no base checklist "{base}" (built-in: {known}; or a .yaml path relative to this file)',
  },
  EXTEND_BASE_INVALID: {
    zh: '基础检查表 {file} 有 {count} 个错误，无法在其上扩展。第一个：{detail}（请先用 wangxin validate 检查它）',
    en: 'the base checklist {file} has {count} error(s), so it cannot be extended. The first: {detail} (run wangxin validate on it)',
  },
  EXTEND_BASE_UNREADABLE: {
    zh: '无法读取基础检查表 {file}：{detail}',
    en: 'the base checklist {file} cannot be read: {detail}',
  },
  EXTEND_CYCLE: {
    zh: '检查表通过 extends 互相扩展，形成循环：{chain}',
    en: 'the checklists extend each other in a loop: {chain}',
  },
  EXTEND_TOO_DEEP: {
    zh: '通过 extends 层层扩展的检查表超过 {limit} 层：{chain}',
    en: 'the chain of checklists extending one another is more than {limit} checklists deep: {chain}',
  },
  EXTEND_UNKNOWN_ID: {
    zh: '基础检查表“{base}”中没有编号为“{id}”的一级指标、二级指标或条目',
    en: 'the base checklist "{base}" has no area, section or item "{id}"',
  },
  EXTEND_ID_DROPPED: {
    zh: '“{id}”已在 drop 中删除，不能再修改或追加',
    en: '"{id}" is dropped, so it cannot also be overridden or appended to',
  },
  EXTEND_OVERRIDE_FIELD: {
    zh: '{what}“{id}”不能修改字段“{field}”（可修改：{allowed}）',
    en: 'the field "{field}" of {what} "{id}" cannot be overridden (allowed: {allowed})',
  },
  EXTEND_DUPLICATE_ID: {
    zh: '{what}编号“{id}”已在基础检查表“{base}”中使用（{hint}）',
    en: '{what} id "{id}" is already used by the base checklist "{base}" ({hint})',
  },
  EXTEND_APPEND_MISMATCH: {
    zh: '“{id}”是{what}，{allowed}',
    en: '"{id}" is {what}; {allowed}',
  },
  // Answer files against their checklist (docs/formats.md §3).
  // {hint} names the option that gives the checklist: --checklist, or --from for migrate.
  UNKNOWN_CHECKLIST: {
    zh: '找不到检查表“{id}”（内置：{known}）。{hint}',
    en: 'no checklist "{id}" (built-in: {known}). {hint}',
  },
  CHECKLIST_ID_MISMATCH: {
    zh: '答卷对应检查表“{id}”，但指定的检查表是“{actual}”',
    en: 'the answers are for checklist "{id}", but the checklist given is "{actual}"',
  },
  CHECKLIST_VERSION_MISMATCH: {
    zh: '答卷对应检查表版本 {version}，但检查表“{id}”的版本是 {actual}',
    en: 'the answers are for version {version}, but checklist "{id}" is version {actual}',
  },
  UNKNOWN_ITEM: {
    zh: '检查表中没有条目“{id}”',
    en: 'the checklist has no item "{id}"',
  },
  UNIT_NAME_PLACEHOLDER: {
    zh: '单位名称仍是占位文字“{name}”：请填写单位全称（答卷中写在 unit 的 name，工作簿中写在封面“单位名称”右侧，或用 run --unit 名称）',
    en: 'the unit name is still the placeholder "{name}": put the full name of the unit in unit.name (in a workbook, beside "Unit name" on the cover; or use run --unit NAME)',
  },
  UNIT_TYPE_UNDECLARED: {
    zh: '单位类型“{type}”未在检查表中声明（可选：{known}）',
    en: 'unit type "{type}" is not declared by the checklist (one of: {known})',
  },
  ANSWER_WRONG_KIND: {
    zh: '条目 {id} 是{kindName}，应以 {expected} 作答',
    en: 'item {id} is a {kindName} item; answer it with {expected}',
  },
  VALUE_OUT_OF_RANGE: {
    zh: 'value 必须在 0 到 1 之间（现为 {value}）',
    en: 'value must be between 0 and 1 (it is {value})',
  },
  UNKNOWN_DEDUCTION: {
    zh: '条目 {item} 没有扣分规则“{id}”（可选：{known}）',
    en: 'item {item} has no deduction "{id}" (one of: {known})',
  },
  DEDUCTION_COUNT_INVALID: {
    zh: '扣分次数必须是不小于 0 的整数（现为 {value}）',
    en: 'a deduction count must be a whole number >= 0 (it is {value})',
  },
  DEDUCTION_COUNT_TOO_LARGE: {
    zh: '扣分次数 {value} 超过上限 {max}',
    en: 'the deduction count {value} is over the maximum of {max}',
  },
  VETO_NOT_PASS_FAIL: {
    zh: '条目 {id} 是一票否决项，只能答 pass（符合）或 fail（不符合），不能答 {status}',
    en: 'item {id} is a veto item: answer it pass or fail, not {status}',
  },
  // The same rule for answer files and workbooks: each is named in its own words.
  NA_WITHOUT_NOTE: {
    zh: '“不适用”必须说明理由（答卷中写在 note，工作簿中写在“情况说明”列）',
    en: '"na" (not applicable) needs a note saying why (note in an answer file, the Note column in a workbook)',
  },
  // Rectification tasks in answer files (docs/formats.md §3).
  RECTIFY_NOT_NEEDED: {
    zh: '条目 {id} 的答案{state}，不需要整改计划（rectify 只用于不符合、部分符合、有扣分或比例低于 1 的条目）',
    en: 'item {id} is answered {state}, so it needs no rectification (rectify is only for an item answered fail or partial, with deductions, or with a value below 1)',
  },
  RECTIFY_BLANK: {
    zh: '整改计划的 {field} 不能只有空格或不可见字符',
    en: 'the rectification\'s {field} cannot be only spaces or invisible characters',
  },
  RECTIFY_DONE_WITHOUT_DATE: {
    zh: '整改状态为 done（已完成），须填写完成日期 doneOn（YYYY-MM-DD）',
    en: 'a rectification with status done needs doneOn, the date it was completed (YYYY-MM-DD)',
  },
  RECTIFY_DONE_WITHOUT_EVIDENCE: {
    zh: '整改状态为 done（已完成），须在 evidence 中列出整改佐证材料',
    en: 'a rectification with status done needs evidence of the fix (its evidence list)',
  },
  RECTIFY_DONE_ON_NOT_DONE: {
    zh: '填写了完成日期 doneOn，但整改状态是 {status}，不是 done',
    en: 'doneOn is given, but the rectification\'s status is {status}, not done',
  },
  ANSWER_NOT_APPLICABLE: {
    zh: '条目 {id} 不适用于单位类型“{type}”，此答案将被忽略',
    en: 'item {id} does not apply to unit type "{type}"; this answer is ignored',
  },
  // The office's review of an answer file (docs/formats.md §3.2).
  REVIEW_ANSWERS_CHANGED: {
    zh: '答卷 {file} 在复核之后已被修改（SHA-256 不同）：复核针对的是修改前的答卷，核查分按当前答卷套用复核结论计算，请重新复核（wangxin review）',
    en: 'the answer file {file} has changed since it was reviewed (its SHA-256 differs): the review was of the earlier file, and the verified score applies it to the current one; review it again (wangxin review)',
  },
  REVIEW_ANSWERS_UNUSABLE: {
    zh: '无法使用所复核的答卷 {file}：{reason}',
    en: 'the answer file reviewed, {file}, cannot be used: {reason}',
  },
  REVIEW_UNIT_MISMATCH: {
    zh: '复核记录针对单位“{reviewed}”（{reviewedType}），但答卷是“{unit}”（{unitType}）的',
    en: 'the review is of the unit "{reviewed}" ({reviewedType}), but the answer file is of "{unit}" ({unitType})',
  },
  REVIEW_CHECKLIST_MISMATCH: {
    zh: '复核记录对应检查表 {reviewed}，但答卷对应 {answers}',
    en: 'the review names the checklist {reviewed}, but the answer file names {answers}',
  },
  REVIEW_UNKNOWN_ITEM: {
    zh: '检查表中没有条目“{id}”',
    en: 'the checklist has no item "{id}"',
  },
  REVIEW_NOT_APPLICABLE: {
    zh: '条目 {id} 不适用于单位类型“{type}”，此复核结论将被忽略',
    en: 'item {id} does not apply to unit type "{type}"; this review of it is ignored',
  },
  REVIEW_REASON_MISSING: {
    zh: '调整（adjusted）须在 reason 中写明理由',
    en: 'an adjustment (adjusted) needs its reason in reason',
  },
  REVIEW_ANSWER_MISSING: {
    zh: '调整（adjusted）须给出核查结果：{expected}',
    en: 'an adjustment (adjusted) needs the verified answer: {expected}',
  },
  REVIEW_CONFIRMED_WITH_ANSWER: {
    zh: '确认（confirmed）表示认可单位自评，不能再写 {field}；要改变结果请写 verdict: adjusted',
    en: 'confirmed means the unit\'s answer stands, so it takes no {field}; to change the answer write verdict: adjusted',
  },
  REVIEW_WRONG_KIND: {
    zh: '条目 {id} 是{kindName}，核查结果应写 {expected}',
    en: 'item {id} is a {kindName} item; give the verified answer as {expected}',
  },
  REVIEW_UNKNOWN_DEDUCTION: {
    zh: '条目 {item} 没有扣分规则“{id}”（可选：{known}）',
    en: 'item {item} has no deduction "{id}" (one of: {known})',
  },
  REVIEW_VETO_NOT_PASS_FAIL: {
    zh: '条目 {id} 是一票否决项，核查结果只能是 pass（符合）或 fail（不符合），不能是 {status}',
    en: 'item {id} is a veto item: its verified answer is pass or fail, not {status}',
  },
  REVIEW_CONFIRMS_NOTHING: {
    zh: '单位未回答条目 {id}，确认（confirmed）没有可确认的内容；要给出核查结果请写 verdict: adjusted',
    en: 'the unit did not answer item {id}, so confirmed confirms nothing; to give a verified answer write verdict: adjusted',
  },
  REVIEW_SAME_AS_ANSWER: {
    zh: '条目 {id} 的核查结果与单位自评相同，相当于确认（confirmed）',
    en: 'the verified answer of item {id} is the unit\'s own, which is a confirmation (confirmed)',
  },
  // Answer workbooks (.xlsx).
  // What the zip library's (English) reason means for the user, rather than the reason itself.
  WORKBOOK_NOT_ZIP: {
    zh: '这不是有效的 .xlsx 工作簿：无法作为 zip 读取（文件不完整，或只是改了扩展名）。请在 WPS 或 Excel 中重新“另存为” .xlsx',
    en: 'this is not a valid .xlsx workbook: it cannot be read as a zip (the file is incomplete, or only its name was changed). Save it again as .xlsx in WPS or Excel',
  },
  WORKBOOK_MACROS: { zh: '工作簿含有宏（{entry}），拒绝读取。请另存为不含宏的 .xlsx 工作簿', en: 'the workbook contains macros ({entry}); it is refused. Save it as a macro-free .xlsx workbook' },
  WORKBOOK_TOO_MANY_ENTRIES: { zh: '工作簿包含 {count} 个部件，上限为 {limit}', en: 'the workbook has {count} {count|part|parts}; the limit is {limit}' },
  WORKBOOK_TOO_MANY_SHEETS: { zh: '工作簿包含 {count} 个工作表，上限为 {limit}', en: 'the workbook has {count} {count|sheet|sheets}; the limit is {limit}' },
  WORKBOOK_UNPACKED_TOO_LARGE: { zh: '工作簿解压后过大（{size}，上限 {limit}），可能是压缩炸弹，未读取', en: 'the workbook unpacks too large ({size}; the limit is {limit}), a zip bomb perhaps; it was not read' },
  WORKBOOK_RATIO: { zh: '部件 {entry} 的压缩比为 {ratio}:1，超过上限 {limit}:1，可能是压缩炸弹，未读取', en: 'the part {entry} is compressed {ratio}:1, over the limit of {limit}:1, a zip bomb perhaps; it was not read' },
  WORKBOOK_DOCTYPE: { zh: '部件 {entry} 含有 XML 文档类型声明（DOCTYPE/ENTITY），拒绝读取', en: 'the part {entry} has an XML document type declaration (DOCTYPE/ENTITY); it is refused' },
  WORKBOOK_EXTERNAL_LINK: { zh: '工作簿含有外部链接（{entry}），拒绝读取。请删除外部链接（“数据 → 编辑链接 → 断开链接”）后保存', en: 'the workbook has external links ({entry}); it is refused. Break the links (Data → Edit Links → Break Link) and save it again' },
  WORKBOOK_UNREADABLE: { zh: '无法读取工作簿：{detail}', en: 'cannot read the workbook: {detail}' },
  WORKBOOK_NOT_ANSWERS: { zh: '这不是 wangxin 答卷工作簿（缺少隐藏的工作表“{sheet}”）。请用 wangxin init --format xlsx 生成答卷', en: 'this is not a wangxin answer workbook (the hidden sheet "{sheet}" is missing). Make one with wangxin init --format xlsx' },
  WORKBOOK_FORMAT_NEWER: {
    zh: '这份答卷工作簿的格式版本为 {format}，由较新版本的 wangxin 生成；本版本只能读取格式 {oldest} 到 {newest}。请升级 wangxin 后再读取',
    en: 'this answer workbook is in format {format}, written by a newer wangxin; this version reads formats {oldest} to {newest}. Upgrade wangxin to read it',
  },
  WORKBOOK_META: { zh: '答卷工作簿的隐藏工作表“{sheet}”已损坏：{detail}', en: 'the hidden sheet "{sheet}" of the answer workbook is damaged: {detail}' },
  WORKBOOK_COLUMN_MISSING: { zh: '工作表“{sheet}”中找不到“{column}”列的表头', en: 'the sheet "{sheet}" has no "{column}" column header' },
  WORKBOOK_ROW_DUPLICATE: { zh: '编号 {id} 出现了两次（另见 {other}）', en: 'the ID {id} appears twice (also at {other})' },
  WORKBOOK_RATIO_DATE: {
    zh: '这个比例单元格是日期（电子表格把“{text}”当成了日期）。请把单元格格式设为“百分比”后重新输入，如 75%',
    en: 'this ratio cell holds a date (the spreadsheet took "{text}" for a date). Format the cell as a percentage and type the share again, such as 75%',
  },
  WORKBOOK_STATUS: {
    zh: '“{text}” 不是 符合/部分符合/不符合/不适用 之一，请从下拉列表中选择',
    en: '"{text}" is not one of pass/partial/fail/n/a (符合/部分符合/不符合/不适用); choose from the drop-down list',
  },
  WORKBOOK_TASK_STATUS: {
    zh: '“{text}” 不是 未开始/整改中/已完成 之一，请从下拉列表中选择整改状态',
    en: '"{text}" is not one of open/in progress/done (未开始/整改中/已完成); choose the task status from the drop-down list',
  },
  WORKBOOK_DATE: {
    zh: '“{text}” 不是有效的日期，请写成 年-月-日，如 2026-06-30',
    en: '"{text}" is not a valid date; write it year-month-day, such as 2026-06-30',
  },
  WORKBOOK_UNIT_NAME: { zh: '封面上的单位名称是空的：请在“单位名称”右侧填写单位全称', en: 'the unit name on the cover is blank: write the full name of the unit beside "Unit name"' },
  WORKBOOK_OUTPUT: { zh: '这是 wangxin 生成的{kind}，不是答卷', en: 'this is a {kind} wangxin wrote, not an answer workbook' },
  WORKBOOK_RATIO_TEXT: {
    zh: '“{text}” 不是比例：请填写 0% 到 100% 之间的数，如 60%、0.6 或 3/5；本单位不涉及请选“不适用”',
    en: '"{text}" is not a share: write a number from 0% to 100%, such as 60%, 0.6 or 3/5; choose n/a where the item does not apply',
  },
  WORKBOOK_COUNT: {
    zh: '“{text}” 不是次数：请填写 0 或正整数（0、1、2……），没有发生就填 0',
    en: '"{text}" is not a count: write 0 or a whole number (0, 1, 2 …); 0 where it did not happen',
  },
  WORKBOOK_RATIO_RANGE: { zh: '比例 {value} 不在 0% 到 100% 之间；如指 {value}%，请写成 {value}%', en: 'the share {value} is not within 0% to 100%; if you mean {value}%, write {value}%' },
} as const satisfies Catalogue;
