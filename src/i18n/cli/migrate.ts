// wangxin migrate on the command line: its help, hints and errors.
import type { Catalogue } from '../catalog.js';

/** wangxin migrate on the command line. */
export const MIGRATE_CLI = {
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
  'migrate.example.builtin': { zh: '把答卷迁移到本县自定义的检查表（不写 --out 时写在原答卷旁，名为 <原名>.<新版本>.yaml）', en: "carry an answer file over to the county's own checklist (without --out: beside it, as <name>.<new version>.yaml)" },
  'migrate.example.out': { zh: '迁移到内置检查表的当前版本，输出文件已存在时用 --force 覆盖', en: "carry it to the built-in checklist's current version; --force overwrites an existing output file" },
} as const satisfies Catalogue;
