// Writes answer files the way people read them: schema comment first, one flow line per answer, Chinese unescaped.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { Node } from 'yaml';
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
export function schemaReference(answersFile: string): string {
  const schema = join(SCHEMAS_DIR, 'answers.schema.json');
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

/** Drops empty notes and evidence lists and fixes the field order (status/value/deductions, note, evidence). */
function cleanAnswer(answer: Answer): Answer {
  const out: Answer = {};
  if (answer.status !== undefined) out.status = answer.status;
  if (answer.value !== undefined) out.value = answer.value;
  if (answer.deductions !== undefined) out.deductions = { ...answer.deductions };
  if (!isBlankText(answer.note)) out.note = answer.note;
  if (answer.evidence !== undefined && answer.evidence.length > 0) out.evidence = [...answer.evidence];
  return out;
}

/** Serialises an answer file (docs/formats.md §3) with the schema comment on the first line. */
export function serializeAnswers(answers: Answers, options: { file: string; checklist?: Checklist }): string {
  const plain: Record<string, unknown> = {
    schemaVersion: answers.schemaVersion,
    checklist: { id: answers.checklist.id, version: answers.checklist.version },
    unit: { ...answers.unit },
  };
  if (answers.assessor && Object.values(answers.assessor).some((v) => v !== undefined && v !== '')) {
    plain.assessor = Object.fromEntries(Object.entries(answers.assessor).filter(([, v]) => v !== undefined && v !== ''));
  }
  if (answers.period !== undefined) plain.period = answers.period;
  plain.answers = orderAnswers(answers.answers, options.checklist);
  const doc = new (yaml().Document)(plain);
  doc.commentBefore = ` yaml-language-server: $schema=${schemaReference(options.file)}`;
  for (const key of ['checklist', 'unit', 'assessor']) {
    const node = doc.get(key, true) as Node | undefined;
    if (yaml().isMap(node)) node.flow = true;
  }
  // One line per answer, like the examples, so a diff shows exactly which answers changed.
  const list = doc.get('answers', true) as Node | undefined;
  if (yaml().isMap(list)) {
    for (const pair of list.items) if (yaml().isPair(pair) && yaml().isMap(pair.value)) pair.value.flow = true;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/**
 * Writes the answer file through writeOutput (atomically; a symbolic link keeps pointing at the
 * file it names), creating its folder. Returns the bytes written, so a caller can tell later
 * whether someone else changed the file since.
 */
export async function saveAnswers(file: string, answers: Answers, checklist?: Checklist): Promise<Buffer> {
  const bytes = Buffer.from(serializeAnswers(answers, { file, checklist }));
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
