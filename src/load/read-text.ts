// Reads a file as UTF-8 text with size, encoding and binary checks, returning diagnostics instead of throwing.
import { localized, type MessageKey } from '../i18n/translate.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readInput, readStream, type ReadFailure, type SpecialKind } from '../fs/read-input.js';
import { showPath } from '../fs/path-text.js';

/**
 * Files larger than this are refused: answer files, checklists, the bases they extend (answer
 * files are a few KiB; big checklists a few hundred).
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The text of a file, or why it could not be had. */
export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Formats a byte count for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/**
 * Reads `file` and decodes it as UTF-8. A UTF-8 BOM is dropped; UTF-16, NUL bytes, invalid UTF-8
 * (typically GBK from office software) and oversized files are refused with a diagnostic, and so
 * is anything that is not a regular file (a FIFO, a device, a socket), without waiting on it.
 * A path given as bytes (a name that is not UTF-8) is shown with those bytes escaped.
 */
export async function readText(file: string | Buffer, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  const read = await readInput(file, maxBytes);
  const shown = showPath(file);
  return read.ok ? decodeText(read.bytes, shown) : { ok: false, diagnostic: readFailureDiagnostic(read.failure, shown) };
}

/** Reads standard input (`-`) like a file: the same size limit and encoding checks. */
export async function readTextStream(stream: NodeJS.ReadableStream, shown = '-', maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  const read = await readStream(stream, maxBytes);
  return read.ok ? decodeText(read.bytes, shown) : { ok: false, diagnostic: readFailureDiagnostic(read.failure, shown) };
}

const SPECIAL_KINDS: Record<SpecialKind, MessageKey> = {
  fifo: 'diag.special.fifo',
  characterDevice: 'diag.special.characterDevice',
  blockDevice: 'diag.special.blockDevice',
  socket: 'diag.special.socket',
};

/** The diagnostic (FILE_NOT_FOUND, FILE_IS_DIRECTORY, FILE_NOT_REGULAR, FILE_TOO_LARGE, FILE_UNREADABLE) for a read failure. */
export function readFailureDiagnostic(failure: ReadFailure, file: string): Diagnostic {
  switch (failure.reason) {
    case 'missing':
      return createDiagnostic('FILE_NOT_FOUND', file);
    case 'directory':
      return createDiagnostic('FILE_IS_DIRECTORY', file);
    case 'special':
      return createDiagnostic('FILE_NOT_REGULAR', file, { kind: localized(SPECIAL_KINDS[failure.kind]) });
    case 'tooLarge':
      return createDiagnostic('FILE_TOO_LARGE', file, { size: formatBytes(failure.size), limit: formatBytes(failure.limit) });
    case 'system':
      return createDiagnostic('FILE_UNREADABLE', file, {
        reason: failure.errno === 'EACCES' || failure.errno === 'EPERM' ? localized('diag.reason.permission') : failure.errno,
      });
  }
}

/** Decodes bytes as strict UTF-8 (see {@link readText}). */
export function decodeText(bytes: Uint8Array, file: string): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('ENCODING_UTF16', file);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // UTF-16 without a BOM shows as every other byte NUL; say so rather than "binary".
    const looksUtf16 =
      (bytes.length >= 4 && (bytes[1] === 0 || bytes[0] === 0) && (bytes[3] === 0 || bytes[2] === 0)) || nulsOnOneSide(bytes);
    return fail(looksUtf16 ? 'ENCODING_UTF16' : 'BINARY_FILE', file);
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
    return { ok: true, text };
  } catch {
    const at = firstInvalidUtf8(bytes, start);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(start, at));
    const lines = before.split('\n');
    return fail(
      'ENCODING_NOT_UTF8',
      file,
      { line: lines.length, column: lines[lines.length - 1].length + 1 },
      { line: lines.length, column: lines[lines.length - 1].length + 1 },
    );
  }
}

/**
 * UTF-16 without a BOM that starts with Chinese text (`单位: …`) has no NUL in its first
 * bytes, yet every ASCII character after it leaves a NUL on the same side of its 2-byte unit.
 * Binary files have NULs on both sides.
 */
function nulsOnOneSide(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  return n >= 4 && Math.min(even, odd) === 0 && Math.max(even, odd) >= Math.max(2, n / 8);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}

function fail(
  code: Parameters<typeof createDiagnostic>[0],
  file: string,
  params: Record<string, unknown> = {},
  where: { line?: number; column?: number } = {},
): ReadResult {
  return { ok: false, diagnostic: createDiagnostic(code, file, params, where) };
}
