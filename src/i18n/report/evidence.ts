// The evidence check as reported by batch --verify-evidence.
import type { Catalogue } from '../catalog.js';

/** The evidence check as reported by batch --verify-evidence. */
export const EVIDENCE_REPORT = {
  'verify.heading': { zh: '佐证材料问题', en: 'Evidence problems' },
  'verify.col.item': { zh: '条目', en: 'Item' },
  'verify.col.path': { zh: '佐证材料', en: 'Evidence' },
  'verify.col.problem': { zh: '问题', en: 'Problem' },
  'verify.missing': { zh: '佐证材料缺失', en: 'evidence missing' },
  'verify.changed': { zh: '佐证材料已被修改（摘要不符）', en: 'evidence changed since recorded (digest mismatch)' },
  'verify.outside': { zh: '佐证材料不在提交文件夹内', en: "evidence outside the submission's folder" },
  'verify.notRegular': { zh: '佐证材料不是普通文件（未读取）', en: 'evidence is not a regular file (not read)' },
  'verify.tooLarge': { zh: '佐证材料超过大小上限（未读取）', en: 'evidence over the size limit (not read)' },
  'verify.unreadable': { zh: '佐证材料无法读取', en: 'evidence cannot be read' },
} as const satisfies Catalogue;
