// Looks inside a workbook's zip before anything unpacks it: entry count, declared sizes, compression ratio, macros, external links, DTDs.
import { createRequire } from 'node:module';
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
 * Checks the zip's central directory (declared before any part is unpacked) and each XML part's
 * prolog. Returns the first reason to refuse the workbook, or undefined when it may be opened.
 * yauzl checks while it unpacks that no part is larger than its declared size, so a directory
 * that lies is caught too.
 */
export async function inspectZip(bytes: Buffer, file: string): Promise<Diagnostic | undefined> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl().fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, z) => (error ? reject(error) : resolve(z))),
    );
  } catch (error) {
    return createDiagnostic('WORKBOOK_NOT_ZIP', file, { detail: detailOf(error) });
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) return createDiagnostic('WORKBOOK_TOO_MANY_ENTRIES', file, { count: zip.entryCount, limit: MAX_ENTRIES });
    const entries = await listEntries(zip);
    let total = 0;
    let sheets = 0;
    for (const entry of entries) {
      const name = entry.fileName;
      if (/vbaProject\.bin$|\.bin$/i.test(name) && /^xl\//i.test(name)) return createDiagnostic('WORKBOOK_MACROS', file, { entry: name });
      if (/^xl\/externalLinks\//i.test(name)) return createDiagnostic('WORKBOOK_EXTERNAL_LINK', file, { entry: name });
      if (/^xl\/(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.xml$/i.test(name)) sheets++;
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > MAX_RATIO) {
        return createDiagnostic('WORKBOOK_RATIO', file, { entry: name, ratio: Math.round(ratio), limit: MAX_RATIO });
      }
    }
    if (sheets > MAX_SHEETS) return createDiagnostic('WORKBOOK_TOO_MANY_SHEETS', file, { count: sheets, limit: MAX_SHEETS });
    if (total > MAX_UNPACKED_BYTES) return createDiagnostic('WORKBOOK_UNPACKED_TOO_LARGE', file, { size: formatBytes(total), limit: formatBytes(MAX_UNPACKED_BYTES) });
    for (const entry of entries) {
      if (!/\.(xml|rels|vml)$/i.test(entry.fileName)) continue;
      const prolog = await readStart(zip, entry, PROLOG_BYTES);
      if (/<!(DOCTYPE|ENTITY)/i.test(beforeRoot(prolog))) return createDiagnostic('WORKBOOK_DOCTYPE', file, { entry: entry.fileName });
    }
    return undefined;
  } catch (error) {
    return createDiagnostic('WORKBOOK_NOT_ZIP', file, { detail: detailOf(error) });
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

/** The first `limit` unpacked bytes of an entry, as Latin-1 text (enough to see markup). */
function readStart(zip: ZipFile, entry: Entry, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      let length = 0;
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        stream.destroy();
        resolve(Buffer.concat(chunks).subarray(0, limit).toString('latin1'));
      };
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= limit) finish();
      });
      stream.on('end', finish);
      stream.on('error', (e) => (done ? undefined : ((done = true), reject(e))));
    });
  });
}

/** The prolog of an XML text: what comes before its root element (all of it when none is seen). */
function beforeRoot(text: string): string {
  const root = /<[A-Za-z_]/.exec(text);
  return root ? text.slice(0, root.index) : text;
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
