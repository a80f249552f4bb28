// wangxin evidence on the command line: its help, the problems it finds and what it recorded.
import type { Catalogue } from '../catalog.js';

/** wangxin evidence on the command line. */
export const EVIDENCE_CLI = {
  'evidence.description': {
    zh: '在答卷中记录本地佐证材料文件的 SHA-256 摘要（路径相对于答卷文件；网址不变）',
    en: 'record the SHA-256 of local evidence files in the answer file (paths relative to it; URLs are left as they are)',
  },
  'evidence.arg.answers': { zh: '答卷文件（YAML）', en: 'the answer file (YAML)' },
  'evidence.invalid': {
    zh: '{file}：答卷有 {count} 个错误，未记录摘要',
    en: '{file}: the answer file has {count} error(s); no digests were recorded',
  },
  'evidence.missing': { zh: '{item}：佐证材料 {path} 不存在（保持原样）', en: '{item}: evidence {path} does not exist (left as it is)' },
  'evidence.outside': {
    zh: '{item}：佐证材料 {path} 不在答卷所在文件夹内，未读取；汇总检查时会被标记',
    en: "{item}: evidence {path} is outside the answer file's folder; it was not read, and batch checks will flag it",
  },
  'evidence.notRegular': {
    zh: '{item}：佐证材料 {path} 不是普通文件（文件夹、FIFO、设备或套接字），未读取',
    en: '{item}: evidence {path} is not a regular file (a folder, FIFO, device or socket); it was not read',
  },
  'evidence.tooLarge': {
    zh: '{item}：佐证材料 {path} 超过佐证材料的大小上限 {limit}，未计算摘要',
    en: '{item}: evidence {path} is larger than the {limit} limit for evidence; no digest was made',
  },
  'evidence.unreadable': { zh: '{item}：佐证材料 {path} 无法读取（权限不足？）', en: '{item}: evidence {path} cannot be read (permissions?)' },
  'evidence.changed': {
    zh: '{item}：佐证材料 {path} 已与记录的摘要不同',
    en: '{item}: evidence {path} no longer matches its recorded digest',
  },
  'evidence.updated': { zh: '{item}：佐证材料 {path} 的摘要已更新', en: '{item}: the digest of {path} was updated' },
  'evidence.summary': {
    zh: '{file}：新记录 {recorded} 个摘要，{unchanged} 个未变，{updated} 个已更新，{urls} 个网址未处理，{missing} 个文件缺失',
    en: '{file}: {recorded} digest(s) recorded, {unchanged} unchanged, {updated} updated, {urls} URL(s) left as they are, {missing} file(s) missing',
  },
  'evidence.unchangedFile': { zh: '答卷无需改写', en: 'The answer file did not need rewriting' },
  'evidence.changedMeanwhile': {
    zh: '答卷 {file} 在计算摘要期间被修改，为不覆盖这些修改，未写入任何摘要。请重新运行 wangxin evidence',
    en: 'the answer file {file} changed while the digests were computed; so as not to overwrite that change, no digest was written. Run wangxin evidence again',
  },
  'evidence.writeFailed': { zh: '无法写入答卷 {file}：{reason}', en: 'cannot write the answer file {file}: {reason}' },
  'evidence.example.record': { zh: '记录佐证材料的摘要', en: 'record the digests of the evidence files' },
  'run.opt.recordEvidence': {
    zh: '自查结束、生成报告前，记录佐证材料文件的 SHA-256 摘要',
    en: 'record the SHA-256 of the evidence files after the walk, before the report',
  },
  'batch.opt.verifyEvidence': {
    zh: '核对佐证材料：缺失、与记录的摘要不符或不在提交文件夹内的，该单位判为不通过',
    en: "check the evidence: a unit with evidence missing, changed since recorded, or outside its submission's folder fails",
  },
} as const satisfies Catalogue;
