// The migration report's wording.
import type { Catalogue } from '../catalog.js';

/** The migration report's wording. */
export const MIGRATE_REPORT = {
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
  'migrate.md.droppedKept': { zh: '  （原答案连同说明、佐证和整改任务，以注释原样保留在新文件末尾）', en: '  (each as it was, with its note, evidence and task, is kept as a comment at the end of the new file)' },
  'migrate.file.dropped': {
    zh: '迁移到 {to} 时未能带过的原答案（{from}），原样保留供重新作答时参考（注释，不参与评分）：',
    en: 'Answers to {from} that could not be carried over to {to}, kept as they were for re-answering (comments, not scored):',
  },
  'migrate.md.none': { zh: '  无', en: '  none' },
  'migrate.md.unansweredWorkbook': {
    zh: '迁移后共有 {count} 个条目未作答：请在电子表格软件（WPS、Excel）中打开 {file} 填写，填好后用 {command} 检查。',
    en: '{count} {count|item is|items are} unanswered after the migration: fill them in {file} in a spreadsheet program (WPS, Excel), then check it with {command}.',
  },
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
} as const satisfies Catalogue;
