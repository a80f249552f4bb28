// Writing output files: refusing to overwrite an input or another output, and the lock of an answer file.
import type { Catalogue } from '../catalog.js';

/** Writing output files. */
export const FILES_CLI = {
  'output.sameAsInput': {
    zh: '{output}（{option}）就是输入文件 {input}，写入会覆盖它；未写入任何文件',
    en: '{output} ({option}) is the input {input}: writing it would overwrite that file. Nothing was written',
  },
  'output.sameAsOutput': {
    zh: '{output}（{option}）与 {other}（{otherOption}）是同一个文件；未写入任何文件',
    en: '{output} ({option}) and {other} ({otherOption}) are the same file. Nothing was written',
  },
  'output.reason.directory': { zh: '这是一个文件夹', en: 'it is a folder' },
  'output.reason.special': {
    zh: '这是套接字或块设备（只写入普通文件、FIFO 和字符设备）',
    en: 'it is a socket or a block device (outputs go to files, FIFOs and character devices only)',
  },
  'output.reason.fifoNoReader': {
    zh: '{seconds} 秒内没有程序打开这个 FIFO 读取',
    en: 'no program opened the FIFO for reading within {seconds} s',
  },
  'output.reason.linkLoop': { zh: '符号链接循环', en: 'symbolic link loop' },
  'errno.ENOENT': { zh: '所在文件夹不存在', en: 'its folder does not exist' },
  'errno.ENOTDIR': { zh: '路径中有一部分不是文件夹', en: 'a part of the path is not a folder' },
  'errno.EISDIR': { zh: '这是一个文件夹', en: 'it is a folder' },
  'errno.EACCES': { zh: '没有写入权限', en: 'permission denied' },
  'errno.EPERM': { zh: '不允许这样操作', en: 'not permitted' },
  'errno.EROFS': { zh: '文件系统是只读的', en: 'the file system is read-only' },
  'errno.ENOSPC': { zh: '磁盘空间不足', en: 'the disk is full' },
  'errno.EDQUOT': { zh: '超出磁盘配额', en: 'the disk quota is used up' },
  'errno.ENAMETOOLONG': { zh: '文件名太长', en: 'the file name is too long' },
  'errno.EBUSY': { zh: '文件正被占用', en: 'the file is busy' },
  'lock.readOnly': {
    zh: '{file} 是只读文件（没有任何人可写），不予改写；确需修改时请先恢复写权限（如 chmod u+w）',
    en: '{file} is read-only (no one may write it) and is not rewritten; to change it, give it write permission first (chmod u+w, say)',
  },
  'lock.notAFile': {
    zh: '{lock} 不是锁文件（它是文件夹或其他特殊文件）。请确认无人在编辑 {file} 后删除它，再重试',
    en: '{lock} is not a lock file (it is a folder or another special file). Make sure nobody is editing {file}, remove it and try again',
  },
  'lock.held': {
    zh: '{file} 正在被另一个程序编辑（进程 {pid}，主机 {host}，自 {since} 起）。若确认没有，请删除 {lock} 后重试',
    en: '{file} is being edited by another program (process {pid} on {host}, since {since}). If it is not, remove {lock} and try again',
  },
  'lock.cannotCreate': { zh: '无法创建锁文件 {lock}：{reason}', en: 'cannot create the lock {lock}: {reason}' },
  'lock.heldUnknown': {
    zh: '{file} 正在被另一个程序编辑（锁文件 {lock} 刚刚创建，内容尚不可读）。请稍后重试',
    en: '{file} is being edited by another program (its lock {lock} was just made and cannot be read yet). Try again shortly',
  },
} as const satisfies Catalogue;
