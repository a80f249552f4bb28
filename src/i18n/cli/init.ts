// wangxin init: its help and errors, and the comments it writes into blank answer files, checklist templates and rosters.
import type { Catalogue } from '../catalog.js';

/** wangxin init. */
export const INIT_CLI = {
  'init.description': {
    zh: '生成空白答卷（列出本单位适用的全部条目，供在编辑器中填写），或生成自定义检查表模板',
    en: 'write a blank answer file (every item that applies to the unit, to fill in an editor), or a custom checklist template',
  },
  'init.opt.unit': { zh: '单位名称（写入答卷，可稍后在文件中修改）', en: 'unit name (written into the file; can be edited later)' },
  'init.opt.unitType': {
    zh: '单位类型（检查表中的编号，如 township）；检查表只有一种单位类型时可省略',
    en: "unit type (the checklist's id, e.g. township); may be left out when the checklist has only one",
  },
  'init.opt.out': { zh: '写入此文件（默认输出到屏幕）；文件已存在时拒绝覆盖', en: 'write to this file (default: print); an existing file is not overwritten' },
  'init.opt.force': { zh: '允许覆盖 --out 指定的已有文件', en: 'allow overwriting an existing --out file' },
  'init.opt.template': {
    zh: '改为生成自定义检查表模板：继承内置检查表（--checklist 指定，默认 county-cyber-2018），附删除、修改、追加、新增一级指标的注释示例',
    en: 'write a custom checklist template instead: it extends a built-in checklist (--checklist, default county-cyber-2018), with commented examples of drop, override, append and new areas',
  },
  'init.error.unitTypeNeeded': {
    zh: '请用 --unit-type 指定单位类型（检查表 {checklist} 可选：{known}）',
    en: 'name the unit type with --unit-type (checklist {checklist} has: {known})',
  },
  'init.error.unknownUnitType': {
    zh: '检查表 {checklist} 没有单位类型“{type}”（可选：{known}）',
    en: 'checklist {checklist} has no unit type "{type}" (choose from: {known})',
  },
  'init.opt.format': { zh: '答卷格式：yaml（默认）或 xlsx（电子表格答卷，--out 以 .xlsx 结尾时自动选用）', en: 'answer file format: yaml (default) or xlsx (a spreadsheet workbook; chosen when --out ends in .xlsx)' },
  'init.error.format': { zh: '--format 只能是 yaml 或 xlsx，而不是“{format}”', en: '--format takes yaml or xlsx, not "{format}"' },
  'init.error.workbookOut': {
    zh: '电子表格答卷须用 --out 指定 .xlsx 文件（不能输出到屏幕；检查表模板和应报单位名单只写 YAML，不能与 --checklist-template、--roster 同用）',
    en: 'a workbook needs --out FILE.xlsx (it cannot be printed; a checklist template and a roster are YAML only, so it cannot be combined with --checklist-template or --roster)',
  },
  'init.error.templateNeedsBuiltin': {
    zh: '模板只能继承内置检查表；“{ref}”不是内置检查表的编号（内置：{known}）',
    en: 'a template extends a built-in checklist; "{ref}" is not a built-in id (built-in: {known})',
  },
  'init.error.templateOptions': {
    zh: '--checklist-template 不能与 --unit 或 --unit-type 同时使用',
    en: '--checklist-template cannot be combined with --unit or --unit-type',
  },
  'init.error.exists': {
    zh: '文件 {file} 已存在，未覆盖。换一个文件名，或加 --force 覆盖',
    en: '{file} already exists and was not overwritten. Choose another name, or add --force to overwrite it',
  },
  'init.error.write': { zh: '无法写入 {file}：{reason}', en: 'cannot write {file}: {reason}' },
  'init.written': {
    zh: '已写入空白答卷 {file}：{count} 个条目待填写。填好后运行 {validate} 检查、{score} 评分',
    en: 'Blank answer file written: {file}, {count} {count|item|items} to answer. Then run {validate} to check and {score} to score',
  },
  'init.templateWritten': {
    zh: '已写入自定义检查表模板 {file}。修改后运行 {validate} 检查',
    en: 'Custom checklist template written: {file}. After editing, run {validate} to check it',
  },
  'init.opt.roster': {
    zh: '改为生成应报单位名单（供 wangxin batch --roster 使用），附本检查表的单位类型',
    en: 'write a starter roster instead (for wangxin batch --roster), with the checklist\'s unit types',
  },
  'init.error.rosterOptions': {
    zh: '--roster 不能与 --unit、--unit-type 或 --checklist-template 同时使用',
    en: '--roster cannot be combined with --unit, --unit-type or --checklist-template',
  },
  'init.rosterWritten': {
    zh: '已写入应报单位名单 {file}。填好后运行 wangxin batch 答卷文件夹/ --roster {file}',
    en: 'Roster written: {file}. Fill it in, then run wangxin batch answers-folder/ --roster {file}',
  },
  'init.example.roster': { zh: '生成应报单位名单，供 batch --roster 列出未报送的单位', en: 'write a starter roster, for batch --roster to list the units that have not submitted' },
  'roster.file.title': { zh: '应报单位名单：县网信办期望报送自查答卷的单位', en: 'Roster: the units the county office expects a self-check from' },
  'roster.file.use': {
    zh: '用法：wangxin batch 答卷文件夹/ --roster 本文件 —— 列出未报送的单位和名单外的报送',
    en: 'Use: wangxin batch answers-folder/ --roster this-file — lists the units that have not submitted and submissions from units not on it',
  },
  'roster.file.types': { zh: '单位类型（type）取以下之一（{checklist}）：', en: 'The unit type (type) is one of ({checklist}):' },
  'roster.file.how': {
    zh: '把下面的 units: [] 换成单位列表，每个单位一行，名称与该单位答卷中的 unit.name 一致，例如：',
    en: "Replace units: [] below with the list of units, one a line, each name as in the unit's answer file (unit.name), for example:",
  },
  'roster.file.exampleName': { zh: '某某镇党委', en: 'Dongcheng Township Party Committee' },
  'roster.file.exampleName2': { zh: '东城镇党委', en: 'Xicheng Township Party Committee' },
  'roster.file.defaultTitle': { zh: '应报单位', en: 'Units due' },
  // The unit name init writes when it is not told one; a file that still carries it has not been filled in.
  'init.placeholderUnit': { zh: '（请填写单位名称）', en: '(unit name)' },
  // Comments written into the blank answer file.
  'init.file.title': { zh: '网信自查答卷：{unit}（{type}）', en: 'Self-check answer file: {unit} ({type})' },
  'init.file.checklist': { zh: '检查表：{title}（{id} {version}），本单位适用 {count} 个条目', en: 'Checklist: {title} ({id} {version}), {count} {count|item applies|items apply} to this unit' },
  'init.file.how': {
    zh: '填写方法：每个条目说明下面有一行以“# 编号:”开头的答案，删去行首的“# ”并填好答案，保留行末的逗号。未填写的条目按未作答计。',
    en: 'How to fill in: under each item there is an answer line starting with "# ID:"; remove the leading "# ", fill in the answer and keep the comma at the end. Items left commented out count as unanswered.',
  },
  'init.file.status': {
    zh: '  符合情况条目：status: pass（符合）| partial（部分符合）| fail（不符合）| na（不适用，须填写 note 说明）',
    en: '  status items: status: pass | partial | fail | na (not applicable, needs a note)',
  },
  'init.file.ratio': { zh: '  比例条目：value: 0 到 1 之间的完成比例，如 0.75（或 status: na）', en: '  ratio items: value: the share achieved, within 0..1, such as 0.75 (or status: na)' },
  'init.file.deduct': {
    zh: '  扣分条目：deductions: 各扣分项出现的次数，如 { d1: 2 }；没有扣分写 {}（或 status: na）',
    en: '  deduct items: deductions: how many times each deduction occurred, such as { d1: 2 }; {} when nothing is deducted (or status: na)',
  },
  'init.file.rectify': {
    zh: '  未达标（partial/fail、有扣分或比例低于 1）的条目可加整改计划，例：{ status: partial, rectify: { measures: 补开专题会, owner: 王芳, due: 2026-06-30, status: open } },（status：open 未开始 | in-progress 整改中 | done 已完成，done 须加 doneOn: 完成日期 和 evidence: [整改佐证]）',
    en: '  an item that falls short (partial/fail, a deduction, a value below 1) may carry its rectification task, e.g. { status: partial, rectify: { measures: hold the session, owner: Wang Fang, due: 2026-06-30, status: open } }, (status: open | in-progress | done; done also needs doneOn: the date and evidence: [proof of the fix])',
  },
  'init.file.optional': {
    zh: '  可选：note: 情况说明；evidence: [佐证材料文件名或网址]。例：{ status: pass, note: 已于3月传达, evidence: [会议纪要.pdf] },',
    en: '  optional: note: an explanation; evidence: [file names or URLs]. E.g. { status: pass, note: briefed in March, evidence: [minutes.pdf] },',
  },
  'init.file.check': {
    zh: '检查：wangxin validate 本文件；评分：wangxin score 本文件。也可以用 wangxin run --answers 本文件 继续交互填写。',
    en: 'Check: wangxin validate THIS_FILE; score: wangxin score THIS_FILE. wangxin run --answers THIS_FILE continues interactively.',
  },
  'init.file.checkWith': {
    zh: '检查：wangxin validate 本文件 --checklist {checklist}；评分：wangxin score 本文件 --checklist {checklist}。也可以用 wangxin run --answers 本文件 --checklist {checklist} 继续交互填写。',
    en: 'Check: wangxin validate THIS_FILE --checklist {checklist}; score: wangxin score THIS_FILE --checklist {checklist}. wangxin run --answers THIS_FILE --checklist {checklist} continues interactively.',
  },
  'init.file.unitName': { zh: '请把 unit 中的 name 改为单位全称。', en: 'Put the full name of the unit in unit.name.' },
  'init.file.points': { zh: '{points} 分', en: '{points} {points|pt|pts}' },
  'init.file.kind.status': { zh: '符合情况', en: 'status' },
  'init.file.kind.ratio': { zh: '比例', en: 'ratio' },
  'init.file.kind.deduct': { zh: '扣分', en: 'deduct' },
  'init.file.veto': { zh: '一票否决，只答 pass 或 fail', en: 'veto, pass or fail only' },
  'init.file.bonus': { zh: '加分项', en: 'bonus' },
  'init.file.guidance': { zh: '检查方法：{text}', en: 'How to check: {text}' },
  'init.file.evidence': { zh: '佐证材料：{text}', en: 'Evidence: {text}' },
  'init.file.deduction': { zh: '扣分项 {id}：{text}（每次 {points} 分）', en: 'deduction {id}: {text} ({points} {points|pt|pts} each)' },
  'init.file.separator': { zh: '；', en: '; ' },
  // Comments written into the custom checklist template.
  'init.tpl.head': {
    zh: '自定义检查表：在内置检查表 {base}（{version}）的基础上，只写与它不同的地方。',
    en: 'A custom checklist: built on the built-in checklist {base} ({version}); write only what differs.',
  },
  'init.tpl.how': {
    zh: '下面的示例都已注释；删去行首的“# ”即可启用。改完运行 wangxin validate 本文件 检查，用 wangxin run --checklist 本文件 或 wangxin init --checklist 本文件 使用。',
    en: 'The examples below are commented out; remove the leading "# " to use one. Check with wangxin validate THIS_FILE; use it with wangxin run --checklist THIS_FILE or wangxin init --checklist THIS_FILE.',
  },
  'init.tpl.id': { zh: '本检查表的编号（小写字母、数字和连字符）和版本；答卷按它们对应检查表', en: 'the id (lower-case letters, digits, hyphens) and version of this checklist; answer files name them' },
  'init.tpl.title': { zh: '本县网信工作自查表', en: 'County cyber work self-check' },
  'init.tpl.extends': { zh: '继承的内置检查表编号，或相对于本文件的 .yaml 路径', en: 'the built-in checklist this one extends, or a .yaml path relative to this file' },
  'init.tpl.drop': { zh: '删除不再考核的条目（也可以写二级指标或一级指标的编号）：', en: 'drop items no longer assessed (section or area ids work too):' },
  'init.tpl.override': { zh: '修改已有条目的字段（给出的字段整体替换原值；编号不能改）：', en: 'change fields of existing items (a field given replaces the old value; ids cannot change):' },
  'init.tpl.append': { zh: '在已有的二级指标（或一级指标）末尾追加条目：', en: 'append items at the end of an existing section (or area):' },
  'init.tpl.areas': { zh: '新增一级指标，排在内置各一级指标之后：', en: 'new areas, after the built-in ones:' },
  'init.tpl.exampleText': { zh: '示例：本单位年内开展网络安全知识测试', en: 'Example: the unit held a cybersecurity knowledge test this year' },
  'init.tpl.exampleGuidance': { zh: '查阅测试记录', en: 'Read the test records' },
  'init.tpl.exampleArea': { zh: '六、本县特色工作', en: '6. Local work' },
  'init.tpl.exampleItem': { zh: '示例：建立网格员网络舆情信息报送机制', en: 'Example: grid workers report online public opinion' },
  // Help examples.
  'init.example.blank': { zh: '为乡镇党委生成空白答卷 a.yaml，在编辑器中填写（--unit 写单位名称）', en: 'write a blank answer file a.yaml for a township, to fill in an editor (--unit names the unit)' },
  'init.example.print': { zh: '把部门单位的空白答卷显示在屏幕上（英文说明）', en: 'print a blank answer file for a county department (English comments)' },
  'init.example.template': { zh: '生成继承内置检查表的自定义检查表模板', en: 'write a custom checklist template that extends the built-in one' },
} as const satisfies Catalogue;
