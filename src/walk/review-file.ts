// The one writer of review files: the schema comment first, one flow line per item, items in checklist order, Chinese unescaped.
import { createRequire } from 'node:module';
import type { Node } from 'yaml';
import { listItems, type Checklist } from '../model/checklist.js';
import type { Review, ReviewEntry } from '../model/review.js';
import { isBlankText } from '../model/identity.js';
import { writeOutput } from '../fs/write-output.js';
import { schemaReference } from './answer-file.js';

// yaml is required when a review is written, not at start-up (see src/load/yaml-parser.ts).
const requireModule = createRequire(import.meta.url);
const yaml = (): typeof import('yaml') => requireModule('yaml') as typeof import('yaml');

/** One entry with its fields in the written order (verdict, the verified answer, reason, note); empty notes dropped. */
function cleanEntry(entry: ReviewEntry): ReviewEntry {
  const out: ReviewEntry = { verdict: entry.verdict };
  if (entry.status !== undefined) out.status = entry.status;
  if (entry.value !== undefined) out.value = entry.value;
  if (entry.deductions !== undefined) out.deductions = { ...entry.deductions };
  if (entry.reason !== undefined) out.reason = entry.reason;
  if (!isBlankText(entry.note)) out.note = entry.note;
  return out;
}

/** The review's items in the checklist's order (ids it does not know, if any, last). */
function orderEntries(items: Record<string, ReviewEntry>, checklist?: Checklist): Record<string, ReviewEntry> {
  const order = new Map((checklist ? listItems(checklist) : []).map((p, i) => [p.item.id, i]));
  const out: Record<string, ReviewEntry> = {};
  for (const id of Object.keys(items).sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity))) out[id] = cleanEntry(items[id]);
  return out;
}

/** Serialises a review file (docs/formats.md §3.2) for `file`, whose `$schema` comment points at the installed schema. */
export function serializeReview(review: Review, options: { file: string; checklist?: Checklist }): string {
  const plain = {
    schemaVersion: review.schemaVersion,
    reviewed: { file: review.reviewed.file, sha256: review.reviewed.sha256 },
    checklist: { id: review.checklist.id, version: review.checklist.version },
    unit: { ...review.unit },
    reviewer: review.reviewer,
    date: review.date,
    items: orderEntries(review.items, options.checklist),
  };
  const Y = yaml();
  const doc = new Y.Document(plain);
  doc.commentBefore = ` yaml-language-server: $schema=${schemaReference(options.file, 'review')}`;
  for (const key of ['reviewed', 'checklist', 'unit']) {
    const node = doc.get(key, true) as Node | undefined;
    if (Y.isMap(node)) node.flow = true;
  }
  const items = doc.get('items', true) as Node | undefined;
  if (Y.isMap(items)) {
    for (const pair of items.items) if (Y.isPair(pair) && Y.isMap(pair.value)) pair.value.flow = true;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** Writes a review file atomically (a new file, or over the old one); returns the bytes written. */
export async function saveReview(path: string, review: Review, checklist?: Checklist): Promise<Buffer> {
  const text = serializeReview(review, { file: path, checklist });
  await writeOutput(path, text);
  return Buffer.from(text, 'utf8');
}
