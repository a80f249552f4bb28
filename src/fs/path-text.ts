// File names as bytes: shown as text with the bytes that are not UTF-8 escaped, so every name stays distinct and visible.
import { isUtf8 } from 'node:buffer';

/**
 * A path (a string, or the bytes the system gave) as text to show: valid UTF-8 decoded, every
 * byte that does not form valid UTF-8 written `\xHH` (a GBK name from a Windows zip shows as
 * `\xb2\xe2…`). Two different byte names never show the same (short of a name that spells
 * `\xHH` itself).
 */
export function showPath(path: string | Uint8Array): string {
  if (typeof path === 'string') return path;
  const bytes = Buffer.isBuffer(path) ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let start = 0; // start of the current run of valid UTF-8
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    out += bytes.toString('utf8', start, i) + `\\x${bytes[i].toString(16).padStart(2, '0')}`;
    i++;
    start = i;
  }
  return out + bytes.toString('utf8', start, i);
}

/** Whether a path must be kept as bytes: it is not valid UTF-8, so a string would not name it. */
export function needsBytes(name: Uint8Array): boolean {
  return !isUtf8(name);
}

/**
 * The length of the valid UTF-8 sequence starting at `i`, or 0 when there is none (a stray
 * continuation byte, an overlong form, a surrogate, past U+10FFFF, or cut short).
 */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b >= 0xf1 && b <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
