// wangxin convert: its help and errors.
import type { Catalogue } from '../catalog.js';

/** wangxin convert. */
export const CONVERT_CLI = {
  'convert.description': { zh: '把答卷工作簿（.xlsx）转换为 YAML 答卷，或把 YAML 答卷转换为预先填好的工作簿', en: 'turn an answer workbook (.xlsx) into a YAML answer file, or a YAML answer file into a pre-filled workbook' },
  'convert.arg.file': { zh: '答卷：.yaml 或 .xlsx', en: 'the answer file: .yaml or .xlsx' },
  'convert.opt.to': { zh: '目标格式：yaml 或 xlsx（默认为另一种）', en: 'the format to write: yaml or xlsx (default: the other one)' },
  'convert.opt.out': { zh: '写入此文件（默认与原文件同名、换扩展名）；文件已存在时拒绝覆盖', en: 'write to this file (default: the same name with the other extension); an existing file is not overwritten' },
  'convert.opt.force': { zh: '允许覆盖 --out 指定的已有文件', en: 'allow overwriting an existing --out file' },
  'convert.error.to': { zh: '--to 只能是 yaml 或 xlsx，而不是“{to}”', en: '--to takes yaml or xlsx, not "{to}"' },
  'convert.error.outExtension': {
    zh: '--out {file} 的扩展名“{ext}”无法写出，可用：.yaml、.yml、.xlsx（或用 --to 指定）',
    en: '--out {file}: cannot write a "{ext}" file; it writes .yaml, .yml, .xlsx (or say which with --to)',
  },
  'convert.error.mismatch': { zh: '--out {file} 的扩展名与 --to {to} 不符', en: 'the extension of --out {file} does not match --to {to}' },
  'convert.error.exists': { zh: '{file} 已存在；如需覆盖请加 --force', en: '{file} exists already; add --force to overwrite it' },
  'convert.error.workbookOut': { zh: '工作簿不能输出到屏幕，请用 --out 指定 .xlsx 文件', en: 'a workbook cannot be printed; name a .xlsx file with --out' },
  'convert.error.write': { zh: '无法写入 {file}：{reason}', en: 'cannot write {file}: {reason}' },
  'convert.invalid': { zh: '{file} 有 {count} 个错误，未转换', en: '{file} has {count} {count|error|errors}; it was not converted' },
  'convert.written': { zh: '已将 {from} 转换为 {file}（{count} 个答案）', en: 'Converted {from} to {file} ({count} {count|answer|answers})' },
  'convert.example.toYaml': { zh: '把交回的工作簿转换为 YAML 答卷', en: 'a workbook sent back, as a YAML answer file' },
  'convert.example.toXlsx': { zh: '把 YAML 答卷转换为预先填好的工作簿', en: 'a YAML answer file as a pre-filled workbook' },
} as const satisfies Catalogue;
