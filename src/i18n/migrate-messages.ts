// Strings of `wangxin migrate` (carrying answers over to a new checklist version), in both languages.
import { defineMessages } from './catalog.js';

/** The `migrate` catalogue. */
export const MIGRATE_MESSAGES = {
  'migrate.description': {
    zh: '把答卷迁移到检查表的新版本：按条目编号保留答案（被拆分、改编号的条目按新条目的 replaces 带过去），列出新增、删除和需重新核对的条目，写入新文件（不覆盖原答卷）',
    en: "carry an answer file over to a new checklist version: answers kept by item id (those of split or renumbered items carried by the new items' replaces), new, removed and changed items listed, written to a new file (the original is never overwritten)",
  },
  'migrate.arg.answers': { zh: '要迁移的答卷', en: 'the answer file to migrate' },
  'migrate.opt.to': { zh: '新的检查表：内置编号或文件路径（必填）', en: 'the new checklist: a built-in id or a path (required)' },
  'migrate.opt.from': {
    zh: '答卷原来对应的检查表（默认按答卷中的 checklist.id 在内置检查表中查找）',
    en: "the checklist the answers were made for (default: the answer file's checklist.id among the built-ins)",
  },
  'migrate.opt.out': {
    zh: '迁移后的答卷写入此文件（默认与原答卷同目录的 <原文件名>.<新版本>.yaml）',
    en: 'write the migrated answers here (default: <name>.<new version>.yaml beside the original)',
  },
  'migrate.opt.force': { zh: '允许覆盖已有的目标文件（原答卷永远不会被覆盖）', en: 'allow overwriting an existing target file (never the original)' },
  'migrate.hint.from': { zh: '请用 --from 指定答卷原来对应的检查表（内置编号或文件路径）', en: 'Name the checklist the answers were made for with --from (a built-in id or a path)' },
  'migrate.error.unknownSource': {
    zh: '{file}：不知道答卷对应的检查表“{id}”，未迁移。加上 --from 后重试',
    en: '{file}: the checklist "{id}" the answers were made for is unknown; nothing was migrated. Add --from and try again',
  },
  'migrate.error.invalid': {
    zh: '答卷 {file} 有错误，请先修正再迁移',
    en: 'the answer file {file} has errors; fix them before migrating',
  },
  'migrate.error.unitType': {
    zh: '新的检查表 {checklist} 没有答卷中的单位类型“{type}”（可选：{known}），无法迁移',
    en: 'the new checklist {checklist} has no unit type "{type}" (it has: {known}); cannot migrate',
  },
  'migrate.error.exists': {
    zh: '目标文件 {file} 已存在，未覆盖。用 --out 指定另一个文件，或加 --force 覆盖',
    en: 'the target {file} already exists and was not overwritten. Name another file with --out, or add --force',
  },
  'migrate.error.write': { zh: '无法写入 {file}：{reason}', en: 'cannot write {file}: {reason}' },
  'migrate.md.title': { zh: '答卷迁移：{from} → {to}', en: 'Answer file migration: {from} → {to}' },
  'migrate.md.checklists': { zh: '检查表：{fromId} {fromVersion} → {toId} {toVersion}', en: 'Checklist: {fromId} {fromVersion} → {toId} {toVersion}' },
  'migrate.md.oldUnknown': {
    zh: '注意：找不到答卷原来对应的检查表 {id} {version}{found}，无法判断哪些条目的内容或类型有变化（未知）；下面的“新增条目”为迁移后所有未作答的条目。可用 --from 指定原检查表文件。',
    en: 'Note: the checklist the answers were made for, {id} {version}, is not available{found}; which items changed in text or kind is unknown, and "new items" below are all items left unanswered. Name the old checklist file with --from.',
  },
  'migrate.md.foundOther': { zh: '（只找到版本 {version}）', en: ' (only version {version} was found)' },
  'migrate.md.kept': { zh: '保留答案 {count} 个。', en: '{count} {count|answer|answers} kept.' },
  'migrate.md.carried': {
    zh: '承接被取代条目答案的条目，需要重新核对（{count}）：',
    en: 'Items given the answer of an item they replace, to re-check ({count}):',
  },
  'migrate.md.carriedFrom': { zh: '答案取自原条目 {from}', en: 'answer carried over from {from}' },
  'migrate.md.newItems': { zh: '新增条目，需要作答（{count}）：', en: 'New items, to answer ({count}):' },
  'migrate.md.removed': { zh: '新检查表中已删除的条目（{count}）：', en: 'Items removed from the new checklist ({count}):' },
  'migrate.md.removedAnswered': { zh: '原答案已丢弃', en: 'its answer was dropped' },
  'migrate.md.removedCarried': { zh: '原答案已带到 {to}', en: 'its answer was carried over to {to}' },
  'migrate.md.changed': { zh: '有变化、需要重新核对的条目（{count}）：', en: 'Changed items, to re-check ({count}):' },
  'migrate.md.changedKept': { zh: '答案已保留', en: 'answer kept' },
  'migrate.md.changedDropped': { zh: '答案已丢弃', en: 'answer dropped' },
  'migrate.md.dropped': { zh: '丢弃的答案（{count}）：', en: 'Answers dropped ({count}):' },
  'migrate.md.none': { zh: '  无', en: '  none' },
  'migrate.md.unanswered': {
    zh: '迁移后共有 {count} 个条目未作答：运行 {command} 继续填写。',
    en: '{count} {count|item is|items are} unanswered after the migration: run {command} to continue.',
  },
  'migrate.md.unansweredCount': { zh: '迁移后共有 {count} 个条目未作答。', en: '{count} {count|item is|items are} unanswered after the migration.' },
  'migrate.md.complete': { zh: '迁移后所有适用条目都已作答。', en: 'Every applying item is answered after the migration.' },
  'migrate.md.written': { zh: '已写入 {file}（原答卷 {original} 未改动）。', en: 'Written: {file} (the original {original} is unchanged).' },
  'migrate.field.text': { zh: '内容', en: 'text' },
  'migrate.field.kind': { zh: '作答方式', en: 'kind' },
  'migrate.field.points': { zh: '分值', en: 'points' },
  'migrate.field.deductions': { zh: '扣分项', en: 'deductions' },
  'migrate.fieldsChanged': { zh: '{fields}有变化', en: '{fields} changed' },
  'migrate.fieldSeparator': { zh: '、', en: ', ' },
  'migrate.clauseSeparator': { zh: '；', en: '; ' },
  'migrate.reason.removed': { zh: '新检查表中没有此条目', en: 'the new checklist has no such item' },
  'migrate.reason.notApplying': { zh: '此条目不再适用于本单位类型', en: "the item no longer applies to the unit's type" },
  'migrate.reason.kind': { zh: '作答方式已改变，原答案不再有效', en: 'the kind changed; the old answer no longer fits' },
  'migrate.reason.deductions': { zh: '原答案中的扣分项在新检查表中已不存在', en: 'a deduction of the old answer no longer exists' },
  'migrate.example.builtin': {
    zh: '把答卷迁移到本县自定义的检查表（不写 --out 时写在原答卷旁，名为 <原名>.<新版本>.yaml）',
    en: "carry an answer file over to the county's own checklist (without --out: beside it, as <name>.<new version>.yaml)",
  },
  'migrate.example.out': { zh: '迁移到内置检查表的当前版本，输出文件已存在时用 --force 覆盖', en: "carry it to the built-in checklist's current version; --force overwrites an existing output file" },
} as const;

/** Translates a `migrate` message. */
export const tm = defineMessages('migrate', MIGRATE_MESSAGES);
