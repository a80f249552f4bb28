// The command line of the office formats: the help example of a Word report, binary output needing a file.
import type { Catalogue } from '../catalog.js';

/** The command line of the office formats. */
export const OFFICE_CLI = {
  'docx.example': { zh: 'Word 自查报告（可签字盖章存档）', en: 'the report as a Word document to sign and file' },
  'binary.needsFile': {
    zh: '{format} 是二进制格式，须用 {option} 文件 写入文件（不写到标准输出）',
    en: '{format} is a binary format: give {option} FILE (it is never written to standard output)',
  },
} as const satisfies Catalogue;
