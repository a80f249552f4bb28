// wangxin schema: its help and errors.
import type { Catalogue } from '../catalog.js';

/** wangxin schema. */
export const SCHEMA_CLI = {
  'schema.description': {
    zh: '输出 JSON Schema（检查表、答卷、报告、批量汇总、应报单位名单、复核记录），供编辑器提示和校验使用',
    en: 'print or write the JSON Schemas (checklist, answers, report, batch, roster, review) for editor completion and checks',
  },
  'schema.arg.name': { zh: 'Schema 名称：{names}', en: 'schema name: {names}' },
  'schema.opt.out': {
    zh: '写入此文件夹（DIR/<名称>.schema.json，文件夹不存在时自动创建）；不给名称时写入全部',
    en: 'write to this folder (DIR/<name>.schema.json, created if missing); without a name, write them all',
  },
  'schema.error.noName': {
    zh: '请指定 Schema 名称（{names}），或用 --out DIR 写出全部',
    en: 'name a schema ({names}), or use --out DIR to write them all',
  },
  'schema.error.unknown': {
    zh: '没有名为“{name}”的 Schema（可选：{names}）',
    en: 'no schema named "{name}" (one of: {names})',
  },
  'schema.error.write': { zh: '无法写入 {file}：{reason}', en: 'cannot write {file}: {reason}' },
  'schema.written': { zh: '已写入 {file}', en: 'written: {file}' },
  'schema.example.print': { zh: '在屏幕上显示答卷的 JSON Schema', en: 'print the JSON Schema of answer files' },
  'schema.example.one': { zh: '把检查表的 Schema 写到 schemas/ 文件夹', en: 'write the checklist schema into the schemas/ folder' },
  'schema.example.all': { zh: '把全部 Schema 写到 schemas/ 文件夹，供 VS Code 使用', en: 'write every schema into schemas/, for VS Code' },
} as const satisfies Catalogue;
