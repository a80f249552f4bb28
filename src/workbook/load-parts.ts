// Loads a checked workbook into exceljs from the parts inspect-zip.ts unpacked already, as Workbook.xlsx.load does from the zip.
import { createRequire } from 'node:module';
import { isUtf8 } from 'node:buffer';
import type { Workbook } from 'exceljs';
import type { ListedEntry, UnpackedParts } from './inspect-zip.js';

/*
 * exceljs's `Workbook.xlsx.load` lists a workbook's parts with JSZip and unpacks each one with it
 * (in JavaScript), which was a third of the cost of reading an answer workbook; and every part had
 * just been unpacked once already, natively, to check it (inspect-zip.ts). {@link loadWorkbookParts}
 * is that method's loop (exceljs 4.4.0, lib/xlsx/xlsx.js, pinned in package.json) with the text of
 * each part taken from what was unpacked: JSZip still lists the parts, so the same parts reach the
 * same exceljs readers under the same names in the same order; a part that was not unpacked by
 * the check, or whose text is not valid UTF-8 (JSZip decodes such text in chunks, so its
 * replacement characters could fall otherwise), is unpacked by JSZip as before. A differential
 * test (test/workbook/load-parts.test.ts) holds the workbook it gives to `xlsx.load`'s.
 */

// Resolved from exceljs itself, so that these are the very modules its own load uses; required on
// first use only, like exceljs (see layout.ts).
const requireModule = createRequire(import.meta.url);
interface Internals {
  JSZip: { loadAsync(data: Buffer): Promise<{ files: Record<string, ZipObject> }> };
  PassThrough: new (options?: object) => Writable;
  StylesXform: new () => { parseStream(stream: Writable): Promise<unknown> };
  SharedStringsXform: new () => { parseStream(stream: Writable): Promise<unknown> };
  AppXform: new () => { parseStream(stream: Writable): Promise<{ company?: unknown; manager?: unknown }> };
  CoreXform: new () => { parseStream(stream: Writable): Promise<object> };
}
interface Writable {
  write(chunk: unknown): void;
  end(): void;
}
/** What JSZip gives for each entry (its private `_data` holds the packed bytes, a view of the file's buffer). */
interface ZipObject {
  name: string;
  dir: boolean;
  async(type: 'string'): Promise<string>;
  async(type: 'nodebuffer'): Promise<Buffer>;
  _data?: { compressedContent?: unknown; uncompressedSize?: number };
}
let internals: Internals | undefined;
function load(): Internals {
  if (internals) return internals;
  const fromExcel = createRequire(requireModule.resolve('exceljs'));
  const lib = (path: string): unknown => fromExcel(`exceljs/lib/xlsx/xform/${path}`);
  internals = {
    JSZip: fromExcel('jszip') as Internals['JSZip'],
    PassThrough: (fromExcel('readable-stream') as { PassThrough: Internals['PassThrough'] }).PassThrough,
    StylesXform: lib('style/styles-xform') as Internals['StylesXform'],
    SharedStringsXform: lib('strings/shared-strings-xform') as Internals['SharedStringsXform'],
    AppXform: lib('core/app-xform') as Internals['AppXform'],
    CoreXform: lib('core/core-xform') as Internals['CoreXform'],
  };
  return internals;
}

/** exceljs's reader object of a workbook (`wb.xlsx`): the methods its load calls for each part. */
interface XlsxReader {
  workbook: Workbook;
  parseRels(stream: Writable): Promise<unknown>;
  parseWorkbook(stream: Writable): Promise<{ sheets: unknown; definedNames: unknown; views: unknown; properties: unknown; calcProperties: unknown }>;
  reconcile(model: Record<string, unknown>, options: unknown): void;
  [processor: `_process${string}Entry`]: (stream: Writable, model: Record<string, unknown>, ...rest: unknown[]) => Promise<void>;
}

/** The unpacked part behind a JSZip entry: its packed bytes are a view of `bytes`, found by where they start. */
function unpackedPart(entry: ZipObject, bytes: Buffer, parts: UnpackedParts): Buffer | undefined {
  const packed = entry._data?.compressedContent;
  if (!(packed instanceof Uint8Array) || packed.buffer !== bytes.buffer) return undefined;
  const part = parts.get(packed.byteOffset - bytes.byteOffset);
  return part !== undefined && part.length === entry._data?.uncompressedSize ? part : undefined;
}

/**
 * The parts a workbook's cells are read from: the workbook (sheet names, the 1904 date system),
 * its relationships (which part is which sheet), the shared strings, the styles (a number is a
 * date by its cell's number format) and the worksheets. The theme, the document properties,
 * comments, drawings, images and tables feed nothing a cell's value depends on, and a worksheet's
 * relationships only tie it to those (its hyperlinks are among the nodes the reader skips).
 */
function feedsCells(entryName: string): boolean {
  switch (entryName) {
    case 'xl/workbook.xml':
    case 'xl/_rels/workbook.xml.rels':
    case 'xl/sharedStrings.xml':
    case 'xl/styles.xml':
      return true;
    default:
      return /xl\/worksheets\/sheet(\d+)[.]xml/.test(entryName);
  }
}

/** A part to hand to exceljs: its name as JSZip lists it, and its unpacked bytes or JSZip's entry for it. */
interface ListedPart {
  name: string;
  part?: Buffer;
  entry?: ZipObject;
}

/** Whether exceljs reads a part as bytes rather than as text. */
function isBinaryPart(entryName: string): boolean {
  return /xl\/media\//.test(entryName) || /xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(entryName);
}

/**
 * The parts the check listed, in its order, when JSZip would list the same ones under the same
 * names in the same order, and every text part to be read is UTF-8 (JSZip decodes other bytes
 * itself); else undefined, and JSZip lists them. JSZip (as exceljs calls it) reads the same
 * central directory, but it also takes an entry with the folder bit for a folder, a Unicode path
 * field over the name, and refuses encryption; it tidies `.` and empty segments out of a name,
 * keeps a repeated name once, and, keeping them in an object, lists a name that is a number first.
 */
function listedAlike(entries: ListedEntry[], parts: UnpackedParts, read: (entryName: string) => boolean): ListedPart[] | undefined {
  const names = new Set<string>();
  const out: ListedPart[] = [];
  for (const entry of entries) {
    const { name } = entry;
    if (entry.folderBit || entry.unicodePath || entry.encrypted || names.has(name)) return undefined;
    if (!/^[\x20-\x7e]+$/.test(name) || /^(0|[1-9]\d*)$/.test(name)) return undefined;
    if (name.split('/').some((segment) => segment === '.' || segment === '..' || segment === '')) return undefined;
    names.add(name);
    const part = parts.get(entry.start);
    if (part === undefined) return undefined;
    if (read(name) && !isBinaryPart(name) && !isUtf8(part)) return undefined;
    out.push({ name, part });
  }
  return out;
}

/**
 * Loads `bytes` (a workbook whose parts inspect-zip.ts unpacked into `parts`) into `wb`, as
 * `wb.xlsx.load(bytes, options)` would: same model, same errors for a part exceljs cannot read.
 * With `read` 'cells', only the parts cells are read from are parsed (see {@link feedsCells}):
 * the sheets, their cells and merges are the same, the rest of the model is left empty; and
 * given the check's `entries`, the parts are listed from them rather than by JSZip when JSZip
 * would list them alike (see {@link listedAlike}).
 */
export async function loadWorkbookParts(wb: Workbook, bytes: Buffer, parts: UnpackedParts, options: object, read: 'all' | 'cells' = 'all', entries?: ListedEntry[]): Promise<void> {
  const { JSZip, PassThrough, StylesXform, SharedStringsXform, AppXform, CoreXform } = load();
  const xlsx = wb.xlsx as unknown as XlsxReader;
  const model: Record<string, unknown> = {
    worksheets: [],
    worksheetHash: {},
    worksheetRels: [],
    themes: {},
    media: [],
    mediaIndex: {},
    drawings: {},
    drawingRels: {},
    comments: {},
    tables: {},
    vmlDrawings: {},
  };
  const wanted = read === 'cells' ? feedsCells : (): boolean => true;
  const listed =
    (entries && read === 'cells' ? listedAlike(entries, parts, wanted) : undefined) ??
    Object.values((await JSZip.loadAsync(bytes)).files)
      .filter((entry) => !entry.dir)
      .map((entry): ListedPart => ({ name: entry.name, part: unpackedPart(entry, bytes, parts), entry }));
  for (const { name, part, entry } of listed) {
    let entryName = name;
    if (entryName[0] === '/') entryName = entryName.substr(1);
    if (!wanted(entryName)) continue;
    let stream: Writable;
    if (isBinaryPart(entryName)) {
      stream = new PassThrough();
      stream.write(part ?? (await entry!.async('nodebuffer')));
    } else {
      stream = new PassThrough({ writableObjectMode: true, readableObjectMode: true });
      const content = part !== undefined && isUtf8(part) ? part.toString('utf8') : await entry!.async('string');
      const chunkSize = 16 * 1024;
      for (let i = 0; i < content.length; i += chunkSize) stream.write(content.substring(i, i + chunkSize));
    }
    stream.end();
    switch (entryName) {
      case '_rels/.rels':
        model.globalRels = await xlsx.parseRels(stream);
        break;
      case 'xl/workbook.xml': {
        const workbook = await xlsx.parseWorkbook(stream);
        model.sheets = workbook.sheets;
        model.definedNames = workbook.definedNames;
        model.views = workbook.views;
        model.properties = workbook.properties;
        model.calcProperties = workbook.calcProperties;
        break;
      }
      case 'xl/_rels/workbook.xml.rels':
        model.workbookRels = await xlsx.parseRels(stream);
        break;
      case 'xl/sharedStrings.xml': {
        const sharedStrings = new SharedStringsXform();
        model.sharedStrings = sharedStrings;
        await sharedStrings.parseStream(stream);
        break;
      }
      case 'xl/styles.xml': {
        const styles = new StylesXform();
        model.styles = styles;
        await styles.parseStream(stream);
        break;
      }
      case 'docProps/app.xml': {
        const appProperties = await new AppXform().parseStream(stream);
        model.company = appProperties.company;
        model.manager = appProperties.manager;
        break;
      }
      case 'docProps/core.xml':
        Object.assign(model, await new CoreXform().parseStream(stream));
        break;
      default:
        await processOther(xlsx, stream, model, entryName, options);
    }
  }
  xlsx.reconcile(model, options);
  xlsx.workbook.model = model as unknown as Workbook['model'];
}

/** The parts exceljs's load matches by pattern, each to its reader, in its order. */
async function processOther(xlsx: XlsxReader, stream: Writable, model: Record<string, unknown>, entryName: string, options: object): Promise<void> {
  let match = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(entryName);
  if (match) return xlsx._processWorksheetEntry(stream, model, match[1], options, entryName);
  match = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/.exec(entryName);
  if (match) return xlsx._processWorksheetRelsEntry(stream, model, match[1]);
  match = /xl\/theme\/([a-zA-Z0-9]+)[.]xml/.exec(entryName);
  if (match) return xlsx._processThemeEntry(stream, model, match[1]);
  match = /xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/.exec(entryName);
  if (match) return xlsx._processMediaEntry(stream, model, match[1]);
  match = /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/.exec(entryName);
  if (match) return xlsx._processDrawingEntry(stream, model, match[1]);
  match = /xl\/(comments\d+)[.]xml/.exec(entryName);
  if (match) return xlsx._processCommentEntry(stream, model, match[1]);
  match = /xl\/tables\/(table\d+)[.]xml/.exec(entryName);
  if (match) return xlsx._processTableEntry(stream, model, match[1]);
  match = /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/.exec(entryName);
  if (match) return xlsx._processDrawingRelsEntry(stream, model, match[1]);
  match = /xl\/drawings\/(vmlDrawing\d+)[.]vml/.exec(entryName);
  if (match) return xlsx._processVmlDrawingEntry(stream, model, match[1]);
}
