// Help examples shared by several commands.
import type { Catalogue } from '../catalog.js';

/** Help examples shared by several commands. */
export const EXAMPLES_CLI = {
  // Example command lines that name a file or a person: in each language its own.
  'example.command.batchXlsx': { zh: 'wangxin batch examples/answers/ --out 汇总.xlsx', en: 'wangxin batch examples/answers/ --out summary.xlsx' },
  'example.command.compareOut': { zh: 'wangxin compare examples/loop/2025/township.yaml examples/loop/2026/township.yaml --out 对比.md', en: 'wangxin compare examples/loop/2025/township.yaml examples/loop/2026/township.yaml --out comparison.md' },
  'example.command.ledgerXlsx': { zh: 'wangxin ledger examples/answers/ --out 整改台账.xlsx', en: 'wangxin ledger examples/answers/ --out ledger.xlsx' },
  'example.command.review': { zh: 'wangxin review examples/loop/2026/township.yaml --reviewer 赵强', en: 'wangxin review examples/loop/2026/township.yaml --reviewer ZhaoQiang' },
  'example.command.reviewOnly': { zh: 'wangxin review examples/loop/2026/township.yaml --reviewer 赵强 --only fail,partial,evidence-missing', en: 'wangxin review examples/loop/2026/township.yaml --reviewer ZhaoQiang --only fail,partial,evidence-missing' },
  'example.command.scoreDocx': { zh: 'wangxin score examples/answers/township.yaml --out 自查报告.docx', en: 'wangxin score examples/answers/township.yaml --out report.docx' },
  'example.list': { zh: '列出内置检查表（编号、版本、条目数、名称）', en: 'list the built-in checklists (id, version, item count, title)' },
  'example.listEn': { zh: '用英文列出', en: 'the same, in English' },
  'example.validate.one': { zh: '检查一份答卷', en: 'check one answer file' },
  'example.validate.many': { zh: '同时检查自定义检查表和按它填写的答卷', en: 'check a custom checklist and the answer files written for it' },
  'example.validate.json': { zh: '以 JSON 输出诊断，供 CI 使用', en: 'diagnostics as JSON, for CI' },
  'example.run.new': { zh: '为某镇党委开始自查（逐项提问）', en: 'start the self-check of a township (item by item)' },
  'example.run.resume': { zh: '继续填写中断的答卷，结束时写出 HTML 报告', en: 'continue an interrupted answer file, ending with an HTML report' },
  'example.run.custom': { zh: '按自定义检查表自查', en: 'self-check against a custom checklist' },
} as const satisfies Catalogue;
