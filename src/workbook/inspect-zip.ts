// Looks inside a workbook's zip before anything unpacks it: entry count, declared sizes, compression ratio, macros, external links, DTDs.
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatBytes } from '../load/read-text.js';

// yauzl is required only when a workbook is read (see layout.ts on exceljs).
const requireModule = createRequire(import.meta.url);
const yauzl = (): typeof import('yauzl') => requireModule('yauzl') as typeof import('yauzl');

/** A workbook has a few dozen parts; more than this is refused before any is read. */
export const MAX_ENTRIES = 500;
/** Sheets in one workbook (an answer workbook has four). */
export const MAX_SHEETS = 64;
/** The sum of the sizes the parts declare once unpacked (an answer workbook of 1,000 items is about 1 MiB). */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** Compression ratio above which a part of more than {@link RATIO_FLOOR_BYTES} is taken for a bomb. */
export const MAX_RATIO = 100;
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** How much of each XML part's start is read to find a DOCTYPE before its root element. */
const PROLOG_BYTES = 4096;

/**
 * The parts of a checked workbook, unpacked, by where each one's packed data starts in the file:
 * what exceljs is handed (see load-parts.ts) rather than unpacking every part a second time.
 */
export type UnpackedParts = Map<number, Buffer>;

/**
 * The zip's entries in the order of its central directory: each name, where its data starts
 * (the key of {@link UnpackedParts}), and what decides whether another zip reader (JSZip, in
 * exceljs) would list it under the same name: a folder by its attributes, a name from the
 * Unicode path extra field, encryption.
 */
export interface ListedEntry {
  name: string;
  start: number;
  /** The DOS folder bit of the entry's attributes (a folder by its name ends in a slash). */
  folderBit: boolean;
  /** The entry names itself again in an Info-ZIP Unicode path extra field. */
  unicodePath: boolean;
  encrypted: boolean;
}

/**
 * Checks the zip's central directory (declared before any part is unpacked), that every part
 * unpacks to exactly its declared size (so a directory that lies is caught), and each XML part's
 * prolog. Returns the first reason to refuse the workbook, or undefined when it may be opened.
 */
export async function inspectZip(bytes: Buffer, file: string): Promise<Diagnostic | undefined> {
  const inspected = await unpackZip(bytes, file);
  return 'refused' in inspected ? inspected.refused : undefined;
}

/** {@link inspectZip}, also returning the parts it unpacked, and its entries, when the workbook may be opened. */
export async function unpackZip(bytes: Buffer, file: string): Promise<{ refused: Diagnostic } | { parts: UnpackedParts; entries: ListedEntry[] }> {
  const refuse = (refused: Diagnostic): { refused: Diagnostic } => ({ refused });
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl().fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, z) => (error ? reject(error) : resolve(z))),
    );
  } catch {
    return refuse(createDiagnostic('WORKBOOK_NOT_ZIP', file));
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) return refuse(createDiagnostic('WORKBOOK_TOO_MANY_ENTRIES', file, { count: zip.entryCount, limit: MAX_ENTRIES }));
    const entries = await listEntries(zip);
    let total = 0;
    let sheets = 0;
    for (const entry of entries) {
      const name = entry.fileName;
      if (/vbaProject\.bin$|\.bin$/i.test(name) && /^xl\//i.test(name)) return refuse(createDiagnostic('WORKBOOK_MACROS', file, { entry: name }));
      if (/^xl\/externalLinks\//i.test(name)) return refuse(createDiagnostic('WORKBOOK_EXTERNAL_LINK', file, { entry: name }));
      if (/^xl\/(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.xml$/i.test(name)) sheets++;
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > MAX_RATIO) {
        return refuse(createDiagnostic('WORKBOOK_RATIO', file, { entry: name, ratio: Math.round(ratio), limit: MAX_RATIO }));
      }
    }
    if (sheets > MAX_SHEETS) return refuse(createDiagnostic('WORKBOOK_TOO_MANY_SHEETS', file, { count: sheets, limit: MAX_SHEETS }));
    if (total > MAX_UNPACKED_BYTES) return refuse(createDiagnostic('WORKBOOK_UNPACKED_TOO_LARGE', file, { size: formatBytes(total), limit: formatBytes(MAX_UNPACKED_BYTES) }));
    const parts: UnpackedParts = new Map();
    const listed: ListedEntry[] = [];
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const { start, part } = unpack(bytes, entry);
      parts.set(start, part);
      listed.push({
        name: entry.fileName,
        start,
        folderBit: (entry.externalFileAttributes & 0x10) !== 0,
        unicodePath: entry.extraFields.some((field) => field.id === 0x7075),
        encrypted: (entry.generalPurposeBitFlag & 1) !== 0,
      });
      if (!/\.(xml|rels|vml)$/i.test(entry.fileName)) continue;
      const prolog = part.subarray(0, PROLOG_BYTES).toString('latin1');
      if (/<!(DOCTYPE|ENTITY)/i.test(beforeRoot(prolog))) return refuse(createDiagnostic('WORKBOOK_DOCTYPE', file, { entry: entry.fileName }));
    }
    return { parts, entries: listed };
  } catch {
    return refuse(createDiagnostic('WORKBOOK_NOT_ZIP', file));
  } finally {
    zip.close();
  }
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/**
 * An entry unpacked from the buffer at its local header, in one call, refusing more bytes than its
 * declared size (a directory that understates a part is how a bomb gets past the size checks:
 * exceljs would unpack it whole). The declared sizes are within {@link MAX_UNPACKED_BYTES} by then,
 * so this is bounded too. One synchronous inflate per part: a stream per part cost more than the
 * rest of the check. Returns the part with where its packed data starts in the file.
 */
function unpack(bytes: Buffer, entry: Entry): { start: number; part: Buffer } {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new Error(`no local header for ${entry.fileName}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new Error(`${entry.fileName} lies outside the file`);
  const declared = entry.uncompressedSize;
  let out: Buffer;
  if (entry.compressionMethod === 0) out = bytes.subarray(start, end);
  else if (entry.compressionMethod === 8) {
    try {
      out = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: declared + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`${entry.fileName} unpacks larger than the ${declared} bytes it declares`);
      throw error;
    }
  } else throw new Error(`${entry.fileName}: compression method ${entry.compressionMethod}`);
  if (out.length !== declared) throw new Error(`${entry.fileName} unpacks to ${out.length} bytes, not the ${declared} it declares`);
  return { start, part: out };
}

/** The prolog of an XML text: what comes before its root element (all of it when none is seen). */
function beforeRoot(text: string): string {
  const root = /<[A-Za-z_]/.exec(text);
  return root ? text.slice(0, root.index) : text;
}
