// The one writer of answer files: a new file the way people read it (schema comment first, one flow line per answer, Chinese unescaped), an existing one edited in place.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { Document, Node, YAMLMap } from 'yaml';
import { writeOutput } from '../fs/write-output.js';
import type { Answer, Answers } from '../model/answers.js';
import { isBlankText } from '../model/identity.js';
import { listItems, type Checklist } from '../model/checklist.js';
import { SCHEMAS_DIR } from '../paths.js';


// yaml is required when an answer file is written, not at start-up (see src/load/yaml-parser.ts).
const requireModule = createRequire(import.meta.url);
const yaml = (): typeof import('yaml') => requireModule('yaml') as typeof import('yaml');

/**
 * The `$schema` reference for the yaml-language-server comment: a relative path from the answer
 * file to the installed schema, or a file URL when no relative path exists (another drive).
 */
export function schemaReference(answersFile: string, name: 'answers' | 'roster' | 'review' = 'answers'): string {
  const schema = join(SCHEMAS_DIR, `${name}.schema.json`);
  const rel = relative(dirname(resolve(answersFile)), schema);
  if (rel === '' || isAbsolute(rel)) return pathToFileURL(schema).href;
  return rel.split(sep).join('/');
}

/** Orders answers by the checklist's item order (answers to unknown ids, if any, last). */
export function orderAnswers(answers: Record<string, Answer>, checklist?: Checklist): Record<string, Answer> {
  const order = new Map((checklist ? listItems(checklist) : []).map((p, i) => [p.item.id, i]));
  const keys = Object.keys(answers).sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  const out: Record<string, Answer> = {};
  for (const key of keys) out[key] = cleanAnswer(answers[key]);
  return out;
}

/** Drops empty notes and evidence lists and fixes the field order (status/value/deductions, note, evidence, rectify). */
function cleanAnswer(answer: Answer): Answer {
  const out: Answer = {};
  if (answer.status !== undefined) out.status = answer.status;
  if (answer.value !== undefined) out.value = answer.value;
  if (answer.deductions !== undefined) out.deductions = { ...answer.deductions };
  if (!isBlankText(answer.note)) out.note = answer.note;
  if (answer.evidence !== undefined && answer.evidence.length > 0) out.evidence = [...answer.evidence];
  if (answer.rectify !== undefined) {
    const plan = answer.rectify;
    out.rectify = { measures: plan.measures, owner: plan.owner, due: plan.due, status: plan.status };
    if (plan.doneOn !== undefined) out.rectify.doneOn = plan.doneOn;
    if (plan.evidence !== undefined) out.rectify.evidence = [...plan.evidence];
  }
  return out;
}

/** The top-level fields of an answer file as written, in their order (empty assessor fields dropped, answers cleaned). */
function plainAnswers(answers: Answers, checklist?: Checklist): Record<string, unknown> {
  const plain: Record<string, unknown> = {
    schemaVersion: answers.schemaVersion,
    checklist: { id: answers.checklist.id, version: answers.checklist.version },
    unit: { ...answers.unit },
  };
  if (answers.assessor && Object.values(answers.assessor).some((v) => v !== undefined && v !== '')) {
    plain.assessor = Object.fromEntries(Object.entries(answers.assessor).filter(([, v]) => v !== undefined && v !== ''));
  }
  if (answers.period !== undefined) plain.period = answers.period;
  if (answers.date !== undefined) plain.date = answers.date;
  plain.answers = orderAnswers(answers.answers, checklist);
  return plain;
}

/** Top-level fields written as one flow line. */
const FLOW_FIELDS = new Set(['checklist', 'unit', 'assessor']);

/** Options shared by every rendering, so an edited line looks like a freshly written one. */
const TO_STRING = { lineWidth: 0, flowCollectionPadding: true } as const;

/** Serialises a new answer file (docs/formats.md §3) with the schema comment on the first line. */
export function serializeAnswers(answers: Answers, options: { file: string; checklist?: Checklist }): string {
  const doc = new (yaml().Document)(plainAnswers(answers, options.checklist));
  doc.commentBefore = ` yaml-language-server: $schema=${schemaReference(options.file)}`;
  for (const key of FLOW_FIELDS) {
    const node = doc.get(key, true) as Node | undefined;
    if (yaml().isMap(node)) node.flow = true;
  }
  flowAnswers(doc);
  return doc.toString(TO_STRING);
}

/** One line per answer, like the examples, so a diff shows exactly which answers changed. */
function flowAnswers(doc: Document): void {
  const list = doc.get('answers', true) as Node | undefined;
  if (yaml().isMap(list)) {
    for (const pair of list.items) if (yaml().isPair(pair) && yaml().isMap(pair.value)) pair.value.flow = true;
  }
}

/** `key: value` as {@link serializeAnswers} writes it, without the line end (maps in flow style when `flow`). */
function renderPair(key: string, value: unknown, flow: boolean): string {
  const doc = new (yaml().Document)({ [key]: value });
  const node = doc.get(key, true) as Node | undefined;
  if (flow && yaml().isMap(node)) node.flow = true;
  return doc.toString(TO_STRING).replace(/\n$/, '');
}

/** `answers:` and one flow line per answer, as {@link serializeAnswers} writes them (without the last line end). */
function renderAnswerLines(answers: Record<string, Answer>): string {
  const doc = new (yaml().Document)({ answers });
  flowAnswers(doc);
  return doc.toString(TO_STRING).replace(/\n$/, '');
}

/** One change to the text: replace `[from, to)` with `text`. */
interface Splice {
  from: number;
  to: number;
  text: string;
}

/**
 * The text of an existing answer file with `answers` written into it in place: only the fields
 * and answers that differ are rewritten, each on the line(s) where it stands; everything else
 * (comments, key order, blank lines, the commented-out answer lines of a file made by `init`)
 * stays byte for byte. An answer that is not in the file replaces its commented-out answer line
 * (`# A1.1.2: { status: },`) when there is one, and is otherwise added after the answers before
 * it in checklist order. When the file cannot be edited this way (it does not parse cleanly or
 * has an unexpected shape), a new file is written instead: the answers are never lost.
 */
export function updateAnswersText(base: string, answers: Answers, options: { file: string; checklist?: Checklist }): string {
  const bom = base.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = base.slice(bom.length);
  const wanted = plainAnswers(answers, options.checklist);
  // The edit is checked by reading it back: what it gives must be exactly what was asked for.
  // Field by field first (a block-style answer keeps its comments), then answer by answer.
  for (const fields of [true, false]) {
    const edited = editInPlace(source, wanted, options.checklist, fields);
    if (edited !== undefined && isDeepStrictEqual(readBack(edited), wanted)) return bom + edited;
  }
  return serializeAnswers(answers, options);
}

/** The document of `source` when it is one clean YAML document with a map at the top, else undefined. */
function parseClean(source: string): Document | undefined {
  const docs = yaml().parseAllDocuments(source, { resolveKnownTags: false, stringKeys: true });
  if (!Array.isArray(docs) || docs.length !== 1) return undefined;
  const doc = docs[0] as Document;
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !yaml().isMap(doc.contents)) return undefined;
  return doc;
}

/** The fields of an edited text as {@link plainAnswers} would give them, for the check after an edit. */
function readBack(text: string): unknown {
  const doc = parseClean(text);
  if (!doc) return undefined;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const list = record.answers;
  if (list !== null && typeof list === 'object') {
    record.answers = Object.fromEntries(Object.entries(list as Record<string, Answer>).map(([k, v]) => [k, cleanAnswer(v ?? {})]));
  }
  return record;
}

/**
 * The splices that turn `source` into a file with the `wanted` fields, or undefined when its shape
 * is unexpected. With `fields`, a changed answer written in block style is edited field by field
 * (its comments and the order of its fields stay); otherwise it is rewritten as one flow line.
 */
function editInPlace(source: string, wanted: Record<string, unknown>, checklist?: Checklist, fields = false): string | undefined {
  const doc = parseClean(source);
  if (!doc) return undefined;
  const y = yaml();
  const top = doc.contents as YAMLMap;
  const nl = source.includes('\r\n') ? '\r\n' : '\n';
  const splices: Splice[] = [];
  const pairs = new Map<string, { from: number; to: number; value: unknown; node: Node | null }>();
  for (const pair of top.items) {
    if (!y.isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) return undefined;
    const node = (pair.value ?? null) as Node | null;
    const end = node?.range ? node.range[1] : pair.key.range[1];
    pairs.set(pair.key.value, { from: pair.key.range[0], to: trimEnd(source, end), value: node && y.isNode(node) ? node.toJS(doc, { maxAliasCount: 100 }) : null, node });
  }
  const answersPair = pairs.get('answers');
  if (!answersPair || !y.isMap(answersPair.node) || !answersPair.node.range) return undefined;

  // The top-level fields but the answers: rewritten where they stand, added before `answers`, removed with their line.
  for (const [key, value] of Object.entries(wanted)) {
    if (key === 'answers') continue;
    const have = pairs.get(key);
    if (have && isDeepStrictEqual(have.value, value)) continue;
    const text = renderPair(key, value, FLOW_FIELDS.has(key)).replace(/\n/g, nl);
    if (have) splices.push({ from: have.from, to: have.to, text });
    else splices.push({ from: lineStart(source, answersPair.from), to: lineStart(source, answersPair.from), text: text + nl });
  }
  for (const [key, have] of pairs) {
    if (key !== 'answers' && !(key in wanted) && ['assessor', 'period'].includes(key)) splices.push(wholeLines(source, have.from, have.to));
  }

  const map = answersPair.node;
  const flow = map.flow === true;
  const mapEnd = map.range![1];
  // Where the answers' own text ends: the closing brace of a flow map, the next top-level key after a block map.
  const regionEnd = flow ? mapEnd : Math.min(...[...pairs.values()].map((p) => p.from).filter((f) => f > answersPair.from), source.length);
  const have = new Map<string, { from: number; to: number; value: Answer; node: YAMLMap }>();
  for (const pair of map.items) {
    if (!y.isScalar(pair.key) || pair.key.value === null || !pair.key.range) return undefined;
    const node = pair.value as Node | null;
    if (!node || !y.isMap(node) || !node.range) return undefined;
    have.set(String(pair.key.value), { from: pair.key.range[0], to: trimEnd(source, node.range[1]), value: cleanAnswer(node.toJS(doc, { maxAliasCount: 100 }) as Answer), node });
  }
  const wantedAnswers = wanted.answers as Record<string, Answer>;
  if (flow && map.items.length === 0 && !source.slice(map.range![0], mapEnd).includes('\n')) {
    // `answers: {}` as a new file has it: the answers are written as a new file would have them.
    if (Object.keys(wantedAnswers).length > 0) splices.push({ from: answersPair.from, to: mapEnd, text: renderAnswerLines(wantedAnswers).replace(/\n/g, nl) });
    return applySplices(source, splices);
  }
  const order = new Map((checklist ? listItems(checklist) : []).map((p, i) => [p.item.id, i]));
  const rank = (id: string): number => order.get(id) ?? Infinity;
  const comma = flow ? ',' : '';
  for (const [id, answer] of Object.entries(wantedAnswers)) {
    const current = have.get(id);
    if (current && isDeepStrictEqual(current.value, answer)) continue;
    const line = renderPair(id, answer, true);
    if (current) {
      const byField = fields && current.node.flow !== true ? editFields(source, current.node, answer as Record<string, unknown>, doc, nl) : undefined;
      splices.push(...(byField ?? [{ from: current.from, to: current.to, text: line }]));
      continue;
    }
    const template = findTemplateLine(source, id, answersPair.from, regionEnd);
    if (template) {
      splices.push({ from: template.from + template.indent.length, to: template.to, text: line + comma });
      if (flow) splices.push(...commaAfterPrevious(source, have, template.from));
      continue;
    }
    // No line to fill in: after the last answer that comes before it in checklist order, else first.
    const before = [...have.entries()].filter(([other]) => rank(other) <= rank(id) && other !== id).pop()?.[1];
    const anchor = before ?? [...have.values()][0];
    if (anchor) {
      const at = before ? lineEnd(source, before.to) : lineStart(source, anchor.from);
      const indent = source.slice(lineStart(source, anchor.from), anchor.from);
      if (!/^[ \t]*$/.test(indent)) return undefined; // answers on one line: no line of their own to add
      splices.push({ from: at, to: at, text: `${indent}${line}${comma}${nl}` });
      if (flow && before) splices.push(...commaAfterPrevious(source, have, at));
    } else if (flow) {
      // An empty flow map: `{}` becomes `{ id: … }`; a multi-line one gets the line before its `}`.
      const close = mapEnd - 1;
      if (source[close] !== '}') return undefined;
      const open = map.range![0];
      if (source.slice(open, close).includes('\n')) {
        const at = lineStart(source, close);
        splices.push({ from: at, to: at, text: `  ${line}${comma}${nl}` });
      } else splices.push({ from: open, to: mapEnd, text: `{ ${line} }` });
    } else return undefined;
  }
  for (const [id, current] of have) {
    if (!(id in wantedAnswers)) splices.push(wholeLines(source, current.from, flow ? afterComma(source, current.to) : current.to));
  }
  return applySplices(source, splices);
}

/**
 * The splices that turn one block-style answer into `wanted`, field by field: a changed field is
 * rewritten where it stands (a comment after it on its line stays), a new one is added on a line
 * of its own after the last, one no longer wanted is removed with its line. Undefined when a field
 * would take several lines (the caller then rewrites the whole answer).
 */
function editFields(source: string, node: YAMLMap, wanted: Record<string, unknown>, doc: Document, nl: string): Splice[] | undefined {
  const y = yaml();
  const splices: Splice[] = [];
  const fields = new Map<string, { from: number; to: number; value: unknown }>();
  for (const pair of node.items) {
    if (!y.isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) return undefined;
    const value = pair.value as Node | null;
    if (!value || !value.range) return undefined;
    fields.set(pair.key.value, { from: pair.key.range[0], to: trimEnd(source, value.range[1]), value: value.toJS(doc, { maxAliasCount: 100 }) });
  }
  const last = [...fields.values()].pop();
  if (!last) return undefined;
  const indent = source.slice(lineStart(source, last.from), last.from);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  for (const [key, value] of Object.entries(wanted)) {
    const have = fields.get(key);
    if (have && isDeepStrictEqual(have.value, value)) continue;
    const text = renderField(key, value);
    if (text === undefined) return undefined;
    if (have) splices.push({ from: have.from, to: have.to, text });
    else splices.push({ from: lineEnd(source, last.to), to: lineEnd(source, last.to), text: `${indent}${text}${nl}` });
  }
  for (const [key, have] of fields) if (!(key in wanted)) splices.push(wholeLines(source, have.from, have.to));
  return splices;
}

/** `key: value` on one line, lists and maps in flow style; undefined when it would take more lines. */
function renderField(key: string, value: unknown): string | undefined {
  const doc = new (yaml().Document)({ [key]: value });
  yaml().visit(doc.get(key, true) as Node, {
    Map: (_key, node) => void (node.flow = true),
    Seq: (_key, node) => void (node.flow = true),
  });
  const text = doc.toString(TO_STRING).replace(/\n$/, '');
  return text.includes('\n') ? undefined : text;
}

/** The commented-out answer line of `id` between `from` and `to`: `# <id>: …` alone on its line. */
function findTemplateLine(source: string, id: string, from: number, to: number): { from: number; to: number; indent: string } | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^([ \\t]*)# ?${escaped}:[ \\t].*?(?=\\r?$)`, 'gm');
  pattern.lastIndex = from;
  for (let m = pattern.exec(source); m !== null && m.index < to; m = pattern.exec(source)) {
    return { from: m.index, to: m.index + m[0].length, indent: m[1] };
  }
  return undefined;
}

/** In a flow map, the comma the answer before `at` needs once a line follows it (none when it has one). */
function commaAfterPrevious(source: string, have: Map<string, { from: number; to: number }>, at: number): Splice[] {
  const previous = [...have.values()].filter((p) => p.to <= at).sort((a, b) => a.to - b.to).pop();
  if (!previous) return [];
  const between = source.slice(previous.to, at).replace(/#.*$/gm, '');
  return between.includes(',') ? [] : [{ from: previous.to, to: previous.to, text: ',' }];
}

/** Past the comma (and spaces) that follow `at` in a flow map, when there is one. */
function afterComma(source: string, at: number): number {
  const m = /^[ \t]*,/.exec(source.slice(at));
  return m ? at + m[0].length : at;
}

/** A splice removing `[from, to)`, with its whole line(s) when nothing else stands on them. */
function wholeLines(source: string, from: number, to: number): Splice {
  const start = lineStart(source, from);
  const end = lineEnd(source, to);
  const alone = source.slice(start, from).trim() === '' && source.slice(to, end).replace(/#.*$/, '').trim() === '';
  return alone ? { from: start, to: end, text: '' } : { from, to, text: '' };
}

/** `at` moved back over the spaces and line ends that close a node's range. */
function trimEnd(source: string, at: number): number {
  while (at > 0 && /[ \t\r\n]/.test(source[at - 1])) at--;
  return at;
}

/** The start of the line holding `at`. */
function lineStart(source: string, at: number): number {
  return source.lastIndexOf('\n', at - 1) + 1;
}

/** The start of the line after the one holding `at` (the text's end on the last line). */
function lineEnd(source: string, at: number): number {
  const i = source.indexOf('\n', at);
  return i === -1 ? source.length : i + 1;
}

/** Applies non-overlapping splices (insertions at one point keep the order they were made in). */
function applySplices(source: string, splices: Splice[]): string | undefined {
  // Two new answers after the same one both ask for the comma it lacks: it is added once.
  const seen = new Set<string>();
  splices = splices.filter((s) => {
    if (s.text !== ',' || s.from !== s.to) return true;
    if (seen.has(String(s.from))) return false;
    seen.add(String(s.from));
    return true;
  });
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.from < at) return undefined;
    out += source.slice(at, s.from) + s.text;
    at = s.to;
  }
  return out + source.slice(at);
}

/**
 * Writes the answer file through writeOutput (atomically; a symbolic link keeps pointing at the
 * file it names), creating its folder: `base`, the file's text as it stands, edited in place
 * ({@link updateAnswersText}), or a new file when there is none. Returns the bytes written, so a caller can tell later
 * whether someone else changed the file since.
 */
export async function saveAnswers(file: string, answers: Answers, checklist?: Checklist, base?: Buffer | string): Promise<Buffer> {
  const options = { file, checklist };
  const bytes = Buffer.from(base === undefined ? serializeAnswers(answers, options) : updateAnswersText(base.toString(), answers, options));
  await writeOutput(resolve(file), bytes, { makeFolder: true });
  return bytes;
}

/** Characters that cannot appear in a file name on common systems. */
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** The default answer file of a unit: `answers/<unit name>.yaml`, with unsafe characters replaced. */
export function defaultAnswersPath(unitName: string): string {
  const safe = unitName.trim().replace(UNSAFE_FILE_CHARS, '_').replace(/^\.+/, '_') || 'answers';
  return join('answers', `${safe}.yaml`);
}
